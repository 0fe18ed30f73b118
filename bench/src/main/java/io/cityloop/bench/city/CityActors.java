package io.cityloop.bench.city;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import io.cityloop.launcher.GatewayClient;

/**
 * The people of the simulated city after the report: the operator (受理员) files, rejects or merges a duplicate;
 * the handling units (处置单位) sign for their tasks or return them, ask for extensions and feed back after a delay
 * taken from the case plan; the command center's dispatcher (派遣员) judges returns, sends the cases on and decides
 * extensions; inspectors (监督员) go on site and verify (核实), failing a share the first time so that the case goes
 * to rework.
 *
 * <p>They work from the same lists a console shows (waiting reports, tasks by status, the dispatch queue, cases
 * being verified) and act through the gateway. An action that fails because a service is down is simply picked up
 * again on the next round, as a person would retry; answers are counted by outcome for the report.
 */
public final class CityActors implements AutoCloseable {

    private static final Duration ROUND = Duration.ofMillis(400);

    private final Console console;

    public CityActors(Supplier<GatewayClient> client, CaseLedger ledger, BusinessClock clock,
                      Duration maxHandlingDelay) {
        this.console = new Console(client, ledger, clock, maxHandlingDelay);
    }

    public void start() {
        console.every(ROUND, Duration.ZERO, new Operator(console)::round);
        console.every(ROUND, Duration.ofMillis(100), new HandlingUnits(console)::round);
        console.every(ROUND, Duration.ofMillis(200), new Inspectors(console)::round);
        console.every(ROUND, Duration.ofMillis(300), new CommandCenter(console)::round);
    }

    /** Answers per action and status, e.g. {@code "accept 200" → 812}, and what the actors noticed on the way. */
    public Map<String, Long> outcomes() {
        return console.outcomes();
    }

    @Override
    public void close() {
        console.close();
    }
}
