package io.cityloop.bench.drill;

import java.time.Duration;
import java.util.function.LongSupplier;

import io.cityloop.launcher.CityLoopSystem;

/**
 * kill -9 of the Kafka broker (running as its own process) in the middle of the load, then a start on the same
 * ports and log directory. Producers (the services' outbox relays) and consumers must ride it out; the verdict is
 * the run's end checks (every case with a 201 in its expected state, no duplicates, scorecards equal the cases).
 */
public final class BrokerRestartDrill implements Runnable {

    /** What happened: the killed pid, cases in flight, how long the broker was gone, or why it did not return. */
    public record Restart(long pid, long casesInFlight, long downMillis, long startMillis, String error) {
    }

    private final CityLoopSystem system;
    private final Duration at;
    private final Duration down;
    private final LongSupplier casesInFlight;
    private volatile Restart restart;

    /**
     * @param at   when, after the load starts, the broker is killed
     * @param down how long it stays dead before it is started again
     */
    public BrokerRestartDrill(CityLoopSystem system, Duration at, Duration down, LongSupplier casesInFlight) {
        this.system = system;
        this.at = at;
        this.down = down;
        this.casesInFlight = casesInFlight;
    }

    @Override
    public void run() {
        LedgerCheck.pause(at);
        long pid = system.brokerPid().orElse(-1);
        long inFlight = casesInFlight.getAsLong();
        long killed = System.nanoTime();
        long started = killed;
        String error = null;
        try {
            system.killBroker();
            LedgerCheck.pause(down);
            started = System.nanoTime();
            system.startBroker();
        } catch (RuntimeException e) {
            error = e.toString();
        }
        long now = System.nanoTime();
        restart = new Restart(pid, inFlight, (now - killed) / 1_000_000, (now - started) / 1_000_000, error);
    }

    /** Null until the drill has run. */
    public Restart restart() {
        return restart;
    }
}
