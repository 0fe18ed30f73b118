package io.cityloop.bench.measure;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A step-load profile (阶梯加压) and what each of its levels sustained. Reports arrive at a constant rate per level,
 * each level higher than the one before; a level is <em>sustained</em> when the system kept up with it:
 * <ul>
 *   <li>at least {@link #MIN_CREATED_SHARE} of the level's reports got a 201,</li>
 *   <li>the submission p95 stayed at or below {@link #MAX_P95_MILLIS},</li>
 *   <li>the consumers kept up: their total lag at the level's end is at most {@link #MAX_LAG_SECONDS} seconds'
 *       worth of the level's events (about {@link #EVENTS_PER_REPORT} events per report) — a lag that grows from
 *       level to level means the loop behind the gateway falls behind even while the gateway still answers 201.</li>
 * </ul>
 * The breaking point is the first level that is not sustained; the capacity is the rate of the level before it.
 * One constant level is the plain load run.
 */
public final class LoadLevels {

    static final double MIN_CREATED_SHARE = 0.95;
    static final double MAX_P95_MILLIS = 1000;
    static final double MAX_LAG_SECONDS = 2;
    static final double EVENTS_PER_REPORT = 8;

    private final List<Double> rates;
    private final Duration levelLasting;
    /** Real time, not business time: the levels are measured as the load tool sends. */
    private final Clock realTime;
    private final List<long[]> answers = new ArrayList<>();
    private volatile long startMillis;

    public LoadLevels(List<Double> rates, Duration levelLasting, Clock realTime) {
        if (rates.isEmpty()) {
            throw new IllegalArgumentException("a load profile has at least one level");
        }
        this.rates = List.copyOf(rates);
        this.levelLasting = levelLasting;
        this.realTime = realTime;
    }

    /** {@code levels} levels from {@code from} reports/s, {@code increment} more each level, sharing {@code load}. */
    public static LoadLevels stairs(double from, double increment, int levels, Duration load, Clock realTime) {
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < levels; i++) {
            rates.add(from + i * increment);
        }
        return new LoadLevels(rates, load.dividedBy(levels), realTime);
    }

    public List<Double> rates() {
        return rates;
    }

    public Duration levelLasting() {
        return levelLasting;
    }

    public boolean isStepLoad() {
        return rates.size() > 1;
    }

    public long reports() {
        return Math.round(rates.stream().mapToDouble(Double::doubleValue).sum() * levelLasting.toSeconds());
    }

    public void started() {
        startMillis = realTime.millis();
    }

    /** One answer to a report that has just come, {@code latencyMillis} after the report was sent. */
    public void answered(long latencyMillis, boolean created) {
        answered(realTime.millis() - latencyMillis, latencyMillis, created);
    }

    /** One answer to a report, by the time it was sent. */
    synchronized void answered(long sentEpochMillis, long latencyMillis, boolean created) {
        answers.add(new long[] {sentEpochMillis, latencyMillis, created ? 1 : 0});
    }

    /**
     * Per level: offered and achieved rate, latency percentiles, refusals, and the consumers' lag at its end (from
     * {@code lagAt}, the total lag of every group sampled nearest a given epoch millisecond, NaN if unknown).
     */
    public synchronized List<Map<String, Object>> summary(java.util.function.LongToDoubleFunction lagAt) {
        List<Map<String, Object>> levels = new ArrayList<>();
        long length = levelLasting.toMillis();
        // Gatling injects the first report a moment after the simulation is built; the levels start with it.
        long start = answers.stream().mapToLong(a -> a[0]).min().orElse(startMillis);
        for (int i = 0; i < rates.size(); i++) {
            long from = start + i * length;
            long to = from + length;
            List<Long> latencies = new ArrayList<>();
            long created = 0;
            long sent = 0;
            for (long[] a : answers) {
                if (a[0] >= from && a[0] < to) {
                    sent++;
                    latencies.add(a[1]);
                    created += a[2];
                }
            }
            Map<String, Double> p = Percentiles.of(latencies);
            double lag = lagAt.applyAsDouble(to);
            double rate = rates.get(i);
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("level", i + 1);
            level.put("offeredPerSecond", rate);
            level.put("sent", sent);
            level.put("createdPerSecond", created / (double) levelLasting.toSeconds());
            level.put("refused", sent - created);
            level.put("latencyMillis", p);
            level.put("lagAtEnd", lag);
            level.put("sustained", sustained(rate, sent, created, p.get("p95"), lag));
            levels.add(level);
        }
        return levels;
    }

    /**
     * The whole load in ten equal windows (by when each report was sent): reports answered 201 per second and the
     * submission p99 of each. A year run is <em>flat</em> when the last tenth accepted at least {@link #FLAT_RATE}
     * of the first tenth's rate and its p99 stayed within {@link #FLAT_P99} × the first tenth's.
     */
    public synchronized List<Map<String, Object>> tenths() {
        List<Map<String, Object>> tenths = new ArrayList<>();
        long start = answers.stream().mapToLong(a -> a[0]).min().orElse(startMillis);
        long length = levelLasting.toMillis() * rates.size() / 10;
        for (int i = 0; i < 10; i++) {
            long from = start + i * length;
            long to = from + length;
            List<Long> latencies = new ArrayList<>();
            long created = 0;
            for (long[] a : answers) {
                if (a[0] >= from && a[0] < to) {
                    latencies.add(a[1]);
                    created += a[2];
                }
            }
            Map<String, Object> tenth = new LinkedHashMap<>();
            tenth.put("tenth", i + 1);
            tenth.put("sent", (long) latencies.size());
            tenth.put("createdPerSecond", length == 0 ? 0.0 : created * 1000.0 / length);
            tenth.put("latencyMillis", Percentiles.of(latencies));
            tenths.add(tenth);
        }
        return tenths;
    }

    static final double FLAT_RATE = 0.9;
    static final double FLAT_P99 = 1.5;

    /** Whether the last tenth kept the first tenth's rate and p99 (see {@link #tenths()}); with why when not. */
    public static String flatness(List<Map<String, Object>> tenths) {
        Map<String, Object> first = tenths.get(0);
        Map<String, Object> last = tenths.get(tenths.size() - 1);
        double firstRate = (Double) first.get("createdPerSecond");
        double lastRate = (Double) last.get("createdPerSecond");
        Double firstP99 = p99(first);
        Double lastP99 = p99(last);
        boolean rateKept = lastRate >= FLAT_RATE * firstRate;
        boolean latencyKept = firstP99 != null && lastP99 != null && lastP99 <= FLAT_P99 * firstP99;
        return String.format(java.util.Locale.ROOT,
                "%s: last tenth %.1f reports/s accepted vs first %.1f (%.0f %%, at least %.0f %%), p99 %s vs %s ms "
                        + "(%.2f ×, at most %.1f ×)",
                rateKept && latencyKept ? "flat" : "NOT flat", lastRate, firstRate,
                firstRate == 0 ? 0 : 100 * lastRate / firstRate, 100 * FLAT_RATE, lastP99, firstP99,
                firstP99 == null || lastP99 == null || firstP99 == 0 ? Double.NaN : lastP99 / firstP99, FLAT_P99);
    }

    public static boolean isFlat(String flatness) {
        return flatness.startsWith("flat");
    }

    private static Double p99(Map<String, Object> window) {
        @SuppressWarnings("unchecked")
        Map<String, Double> p = (Map<String, Double>) window.get("latencyMillis");
        return p == null ? null : p.get("p99");
    }

    static final double HELD_SHARE = 0.9;

    /**
     * Past capacity the loop should keep accepting at its capacity and refuse only the excess: every level above
     * the sustained one accepted at least {@link #HELD_SHARE} of the best level's 201/s. A collapse (what is
     * accepted falls as more is offered) fails it. Null when no level was overloaded.
     */
    public static String overloadHeld(List<Map<String, Object>> levels) {
        Double capacity = capacity(levels);
        double best = levels.stream().mapToDouble(l -> (Double) l.get("createdPerSecond")).max().orElse(0);
        List<String> below = new ArrayList<>();
        boolean overloaded = false;
        for (Map<String, Object> level : levels) {
            double offered = (Double) level.get("offeredPerSecond");
            if (capacity != null && offered <= capacity) {
                continue;
            }
            overloaded = true;
            double created = (Double) level.get("createdPerSecond");
            if (created < HELD_SHARE * best) {
                below.add(String.format(java.util.Locale.ROOT, "%.0f offered: %.1f accepted", offered, created));
            }
        }
        if (!overloaded) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "%s: best level %.1f reports/s accepted; every level above "
                        + "capacity must accept at least %.1f%s", below.isEmpty() ? "held" : "NOT held", best,
                HELD_SHARE * best, below.isEmpty() ? "" : " — " + String.join(", ", below));
    }

    static boolean sustained(double rate, long sent, long created, Double p95, double lag) {
        return sent > 0 && created >= MIN_CREATED_SHARE * sent && p95 != null && p95 <= MAX_P95_MILLIS
                && (Double.isNaN(lag) || lag <= MAX_LAG_SECONDS * rate * EVENTS_PER_REPORT);
    }

    /** The highest rate sustained before the first level that was not, or null when even the first was not. */
    public static Double capacity(List<Map<String, Object>> levels) {
        Double capacity = null;
        for (Map<String, Object> level : levels) {
            if (!Boolean.TRUE.equals(level.get("sustained"))) {
                break;
            }
            capacity = (Double) level.get("offeredPerSecond");
        }
        return capacity;
    }
}
