package io.cityloop.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * How big a run is. {@code smoke} checks that everything works in about a minute of load (CI); {@code full} is the
 * documented run of the README. Every figure can be overridden with a system property {@code bench.*}.
 *
 * @param reportsPerSecond  inspectors' reports (采集) arriving at the gateway per second, open model
 * @param load              how long reports keep arriving
 * @param simulateSpeed     business seconds per real second (the services' simulation mode)
 * @param simulateFrom      business time at start; chosen so that a run stays inside one assessment month
 * @param drain             how long, after the load, the city may take to finish its open cases
 * @param maxHandlingDelay  cap on a department's real handling delay, so long limits do not outlast the run
 * @param baselineEvents    events pushed through the Kafka relay of the baseline
 * @param baselineHops      Kafka hops of the baseline relay (see README: the asynchronous hops of one loop)
 * @param mongoWrites       single-document inserts of the MongoDB baseline
 * @param killDrill         kill -9 and restart each backend service during the load
 * @param brokerDrill       run the Kafka broker as its own process and kill -9 / restart it at 1/5 of the load
 * @param mongoDrill        MongoDB on its H2 file, closed for {@code mongoOutage} from half of the load on
 * @param mongoOutage       how long MongoDB is unavailable in the MongoDB drill
 */
public record BenchSettings(
        String scale,
        long seed,
        double reportsPerSecond,
        Duration load,
        double simulateSpeed,
        Instant simulateFrom,
        Duration drain,
        Duration maxHandlingDelay,
        int baselineEvents,
        int baselineHops,
        int mongoWrites,
        boolean killDrill,
        boolean brokerDrill,
        boolean mongoDrill,
        Duration mongoOutage,
        Path output) {

    public static BenchSettings forScale(String scale) {
        String name = scale == null ? "smoke" : scale.toLowerCase(Locale.ROOT);
        BenchSettings base = switchScale(name);
        return new BenchSettings(name,
                Long.getLong("bench.seed", base.seed()),
                positiveOr(Double.parseDouble(System.getProperty("bench.rate", "0")), base.reportsPerSecond()),
                Duration.ofSeconds((long) positiveOr(Long.getLong("bench.load-seconds", 0), base.load().toSeconds())),
                Double.parseDouble(System.getProperty("bench.speed", Double.toString(base.simulateSpeed()))),
                base.simulateFrom(),
                Duration.ofSeconds(Long.getLong("bench.drain-seconds", base.drain().toSeconds())),
                base.maxHandlingDelay(),
                Integer.getInteger("bench.baseline-events", base.baselineEvents()),
                base.baselineHops(),
                Integer.getInteger("bench.mongo-writes", base.mongoWrites()),
                Boolean.parseBoolean(System.getProperty("bench.kill-drill", Boolean.toString(base.killDrill()))),
                Boolean.parseBoolean(System.getProperty("bench.broker-drill", "false")),
                Boolean.parseBoolean(System.getProperty("bench.mongo-drill", "false")),
                Duration.ofSeconds(Long.getLong("bench.mongo-outage-seconds", 30)),
                Path.of(System.getProperty("bench.output", "target/bench")).toAbsolutePath());
    }

    private static BenchSettings switchScale(String name) {
        Instant monday = Instant.parse("2026-11-02T00:30:00Z");
        if (name.equals("full")) {
            return new BenchSettings(name, 20261102L, 20, Duration.ofMinutes(5), 720, monday, Duration.ofMinutes(5),
                    Duration.ofSeconds(30), 20_000, 4, 20_000, true, false, false, Duration.ofSeconds(30), null);
        }
        if (name.equals("smoke")) {
            return new BenchSettings(name, 20261102L, 4, Duration.ofSeconds(60), 720, monday, Duration.ofMinutes(4),
                    Duration.ofSeconds(10), 2_000, 4, 2_000, true, false, false, Duration.ofSeconds(30), null);
        }
        throw new IllegalArgumentException("bench.scale must be smoke or full, was " + name);
    }

    private static double positiveOr(double given, double fallback) {
        return given > 0 ? given : fallback;
    }

    public Path gatlingResults() {
        return output.resolve("gatling");
    }
}
