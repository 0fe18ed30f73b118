package io.cityloop.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * How big a run is. Every figure can be overridden with a system property {@code bench.*}.
 * <ul>
 *   <li>{@code smoke}: everything works, in about a minute of load with each backend service killed once (CI);</li>
 *   <li>{@code full}: 20 reports/s for 5 minutes with the kills;</li>
 *   <li>{@code step}: 阶梯加压, 10 reports/s more every minute from 10 to 80, to find where it breaks;</li>
 *   <li>{@code month}: a month of a Xianyang-sized city, about 12,000 reports over November 2026's business time
 *       (speed 2160: a business month in 20 real minutes), so that November's scorecards come from a whole month;</li>
 *   <li>{@code year}: about 140,000 reports over 2026 (speed 8640: a business year in about an hour).</li>
 * </ul>
 *
 * @param reportsPerSecond  inspectors' reports (采集) arriving at the gateway per second, open model
 * @param load              how long reports keep arriving
 * @param simulateSpeed     business seconds per real second (the services' simulation mode)
 * @param simulateFrom      business time at start; chosen so that a run stays inside one assessment month
 * @param drain             how long, after the load, the city may take to finish its open cases
 * @param maxHandlingDelay  cap on a department's real handling delay, so long limits do not outlast the run
 * @param baselineEvents    events pushed at once through the Kafka relay of the baseline (throughput)
 * @param baselinePacedEvents events then sent one by one at a modest rate through the same relay (latency floor)
 * @param baselineHops      Kafka hops of the baseline relay (see README: the asynchronous hops of one loop)
 * @param mongoWrites       single-document inserts of the MongoDB baseline
 * @param killDrill         kill -9 and restart each backend service during the load
 * @param brokerDrill       run the Kafka broker as its own process and kill -9 / restart it at 1/5 of the load
 * @param mongoDrill        MongoDB on its H2 file, closed for {@code mongoOutage} from half of the load on
 * @param mongoOutage       how long MongoDB is unavailable in the MongoDB drill
 * @param stepLevels        levels of a step load (1: a constant rate), sharing {@code load} equally
 * @param stepIncrement     reports/s added at each level of a step load
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
        int baselinePacedEvents,
        int baselineHops,
        int mongoWrites,
        boolean killDrill,
        boolean brokerDrill,
        boolean mongoDrill,
        Duration mongoOutage,
        int stepLevels,
        double stepIncrement,
        Path output) {

    public static BenchSettings forScale(String scale) {
        String name = scale == null ? "smoke" : scale.toLowerCase(Locale.ROOT);
        BenchSettings base = switchScale(name);
        return new BenchSettings(name,
                (long) figure("bench.seed", base.seed()),
                figure("bench.rate", base.reportsPerSecond()),
                Duration.ofSeconds((long) figure("bench.load-seconds", base.load().toSeconds())),
                figure("bench.speed", base.simulateSpeed()),
                base.simulateFrom(),
                Duration.ofSeconds((long) figure("bench.drain-seconds", base.drain().toSeconds())),
                base.maxHandlingDelay(),
                (int) figure("bench.baseline-events", base.baselineEvents()),
                (int) figure("bench.baseline-paced-events", base.baselinePacedEvents()),
                base.baselineHops(),
                (int) figure("bench.mongo-writes", base.mongoWrites()),
                flag("bench.kill-drill", base.killDrill()),
                flag("bench.broker-drill", false),
                flag("bench.mongo-drill", false),
                Duration.ofSeconds((long) figure("bench.mongo-outage-seconds", 30)),
                (int) figure("bench.step-levels", base.stepLevels()),
                figure("bench.step-increment", base.stepIncrement()),
                Path.of(System.getProperty("bench.output", "target/bench")).toAbsolutePath());
    }

    /** A positive {@code -Dname=…} overrides the scale's figure; absent, blank or 0 keeps it. */
    private static double figure(String name, double scaleFigure) {
        String given = System.getProperty(name, "").trim();
        double value = given.isEmpty() ? 0 : Double.parseDouble(given);
        return value > 0 ? value : scaleFigure;
    }

    /** {@code -Dname=true|false} overrides the scale's choice; absent or blank keeps it. */
    private static boolean flag(String name, boolean scaleChoice) {
        String given = System.getProperty(name, "").trim();
        return given.isEmpty() ? scaleChoice : Boolean.parseBoolean(given);
    }

    private static BenchSettings switchScale(String name) {
        Instant monday = Instant.parse("2026-11-02T00:30:00Z");
        Duration outage = Duration.ofSeconds(30);
        switch (name) {
            case "smoke":
                return new BenchSettings(name, 20261102L, 4, Duration.ofSeconds(60), 720, monday,
                        Duration.ofMinutes(4), Duration.ofSeconds(10), 2_000, 200, 4, 2_000, true, false, false,
                        outage, 1, 0, null);
            case "full":
                return new BenchSettings(name, 20261102L, 20, Duration.ofMinutes(5), 720, monday,
                        Duration.ofMinutes(5), Duration.ofSeconds(30), 20_000, 1_000, 4, 20_000, true, false, false,
                        outage, 1, 0, null);
            case "step":
                return new BenchSettings(name, 20261102L, 10, Duration.ofMinutes(8), 720, monday,
                        Duration.ofMinutes(8), Duration.ofSeconds(30), 20_000, 1_000, 4, 20_000, false, false, false,
                        outage, 8, 10, null);
            case "month":
                // 12,000 reports from 1 November 00:00 (Asia/Shanghai) over 1,200 s at speed 2160 = 30 business days.
                return new BenchSettings(name, 20261101L, 10, Duration.ofSeconds(1_200), 2160,
                        Instant.parse("2026-10-31T16:00:00Z"), Duration.ofMinutes(10), Duration.ofSeconds(30),
                        20_000, 1_000, 4, 20_000, false, false, false, outage, 1, 0, null);
            case "year":
                // 140,000 reports from 1 January 2026 over 3,650 s at speed 8640 = 365 business days.
                return new BenchSettings(name, 20260101L, 38.4, Duration.ofSeconds(3_650), 8640,
                        Instant.parse("2025-12-31T16:00:00Z"), Duration.ofMinutes(15), Duration.ofSeconds(30),
                        20_000, 1_000, 4, 20_000, false, false, false, outage, 1, 0, null);
            default:
                throw new IllegalArgumentException("bench.scale must be smoke, full, step, month or year, was "
                        + name);
        }
    }

    /**
     * The flood drill ({@code -Dbench.flood-drill=true}, off in every scale): an anonymous flood on the citizens'
     * doors from 1/10 to 9/10 of the load; see {@link io.cityloop.bench.drill.FloodDrill}.
     */
    public boolean floodDrill() {
        return flag("bench.flood-drill", false);
    }

    /** The flood's steady rate as a multiple of the gateway's public rate ({@code -Dbench.flood-factor}, 25). */
    public double floodFactor() {
        return figure("bench.flood-factor", 25);
    }

    /** The flood's parallel callers: requests in flight at most ({@code -Dbench.flood-callers}, 200). */
    public int floodCallers() {
        return (int) figure("bench.flood-callers", 200);
    }

    /** Parallel anonymous reads fired at once every 4 s on top of the steady rate ({@code -Dbench.flood-burst}, 150). */
    public int floodBurst() {
        return (int) figure("bench.flood-burst", 150);
    }

    /**
     * The services' JVM settings ({@code -Dbench.jvm-profile}): {@code production} — the optimising JIT, G1 and a
     * 1 GiB heap per service, as {@code io.cityloop.launcher.JvmProfile} states them — for every scale that
     * measures; the smoke run of {@code ./mvnw verify}, which checks behaviour and not speed, keeps the launcher's
     * quick-start {@code demo} flags so that its kills and restarts stay quick on a CI machine.
     */
    public String jvmProfile() {
        String given = System.getProperty("bench.jvm-profile", "").trim();
        return !given.isEmpty() ? given : "smoke".equals(scale) ? "demo" : "production";
    }

    /**
     * The embedded MongoDB's query guard in the bench ({@code -Dbench.query-guard}, {@code log}): every query that
     * no index serves, or that examines more than 10 × what it returns + 100, is counted by its shape and fails the
     * run's "every query served by an index" verdict, while the run goes on measuring ({@code fail} would refuse
     * the query itself, as in the integration tests).
     */
    public String queryGuard() {
        return System.getProperty("bench.query-guard", "").isBlank() ? "log"
                : System.getProperty("bench.query-guard").trim();
    }

    /**
     * Where to write a JFR recording of each service ({@code -Dbench.jfr=<directory>}, off when blank): the
     * profile settings, dumped when the service stops; read with {@code jfr print --events jdk.ExecutionSample}
     * or JDK Mission Control.
     */
    public Path jfr() {
        String directory = System.getProperty("bench.jfr", "").trim();
        return directory.isEmpty() ? null : Path.of(directory).toAbsolutePath();
    }

    /** The load's levels: one constant rate, or the step load's stairs. */
    public io.cityloop.bench.measure.LoadLevels levels() {
        return stepLevels > 1
                ? io.cityloop.bench.measure.LoadLevels.stairs(reportsPerSecond, stepIncrement, stepLevels, load,
                        java.time.Clock.systemUTC())
                : new io.cityloop.bench.measure.LoadLevels(java.util.List.of(reportsPerSecond), load,
                        java.time.Clock.systemUTC());
    }

    public Path gatlingResults() {
        return output.resolve("gatling");
    }
}
