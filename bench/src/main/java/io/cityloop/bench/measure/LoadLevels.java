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
