package io.cityloop.bench.city;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the city knows it has done: every report that got a 201 with the case id it was given, and every answer
 * that was not a 201. The drills' verdicts are checked against it.
 */
public final class CaseLedger {

    private final Map<String, CasePlan> plans = new ConcurrentHashMap<>();
    private final Map<Long, String> caseOfReport = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final List<Long> responseTimes = new ArrayList<>();
    private long firstAnswer = Long.MAX_VALUE;
    private long lastAnswer = Long.MIN_VALUE;
    private final AtomicLong sameKeyDifferentCase = new AtomicLong();

    public void accepted(String caseId, CasePlan plan) {
        String earlier = caseOfReport.putIfAbsent(plan.sequence(), caseId);
        if (earlier != null && !earlier.equals(caseId)) {
            sameKeyDifferentCase.incrementAndGet();
        }
        plans.put(caseId, plan);
    }

    /** A submission's response time, whatever the answer; with the first and last answer for the rate. */
    public void answered(long millis) {
        long now = Clock.systemUTC().millis();
        synchronized (responseTimes) {
            responseTimes.add(millis);
            firstAnswer = Math.min(firstAnswer, now - millis);
            lastAnswer = Math.max(lastAnswer, now);
        }
    }

    /** Submissions: count, 201s per second over the load window, p50/p95/p99/max response time in ms. */
    public Map<String, Object> submissionStats() {
        Map<String, Object> stats = new java.util.LinkedHashMap<>();
        synchronized (responseTimes) {
            double seconds = Math.max(1, lastAnswer - firstAnswer) / 1000.0;
            stats.put("requests", responseTimes.size());
            stats.put("created", plans.size());
            stats.put("refused", refused.get());
            stats.put("createdPerSecond", responseTimes.isEmpty() ? 0 : plans.size() / seconds);
            stats.putAll(io.cityloop.bench.measure.Percentiles.of(responseTimes));
        }
        return stats;
    }

    public void refused() {
        refused.incrementAndGet();
    }

    private final List<Report> refusedReports = java.util.Collections.synchronizedList(new ArrayList<>());

    /** A refused submission, kept so that a drill can retry it with the same Idempotency-Key as a client would. */
    public void refused(Report report) {
        refused();
        refusedReports.add(report);
    }

    public List<Report> refusedReports() {
        synchronized (refusedReports) {
            return List.copyOf(refusedReports);
        }
    }

    public CasePlan plan(String caseId) {
        return plans.get(caseId);
    }

    public boolean knows(String caseId) {
        return plans.containsKey(caseId);
    }

    public int size() {
        return plans.size();
    }

    public long refusedCount() {
        return refused.get();
    }

    /** A retried report (same Idempotency-Key) answered with a different case id: must stay 0. */
    public long sameKeyDifferentCase() {
        return sameKeyDifferentCase.get();
    }

    public List<String> caseIds() {
        return new ArrayList<>(plans.keySet());
    }

    public Map<String, CasePlan> plans() {
        return Map.copyOf(plans);
    }
}
