package io.cityloop.bench.city;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.cityloop.bench.measure.Percentiles;

/**
 * What the city knows it has done: every report that got a 201 with the case id it was given, every answer that
 * was not a 201 with its status and problem, and the decisions of the city's people that change how a case ends (a
 * merge the operator could not make, a case the command center sent on). The drills' verdicts are checked
 * against it.
 */
public final class CaseLedger {

    private final Map<String, CasePlan> plans = new ConcurrentHashMap<>();
    private final Map<Long, String> caseOfReport = new ConcurrentHashMap<>();
    private final Map<Long, Refusal> refusalOfReport = new ConcurrentHashMap<>();
    private final Map<String, String> mergesAbandoned = new ConcurrentHashMap<>();
    private final Map<String, String> redispatchedTasks = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final List<Refusal> refusals = Collections.synchronizedList(new ArrayList<>());
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

    /**
     * Submissions: count, 201s per second over the load window, p50/p95/p99/max response time in ms, and the
     * refusals counted by reason ({@code 400 location/inside-city}, {@code 503 unavailable}, …) with one example of
     * each.
     */
    public Map<String, Object> submissionStats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        synchronized (responseTimes) {
            double seconds = Math.max(1, lastAnswer - firstAnswer) / 1000.0;
            stats.put("requests", responseTimes.size());
            stats.put("created", plans.size());
            stats.put("refused", refused.get());
            stats.put("createdPerSecond", responseTimes.isEmpty() ? 0 : plans.size() / seconds);
            stats.putAll(Percentiles.of(responseTimes));
        }
        Map<String, Long> byReason = new TreeMap<>();
        Map<String, String> examples = new TreeMap<>();
        synchronized (refusals) {
            for (Refusal refusal : refusals) {
                byReason.merge(refusal.reason(), 1L, Long::sum);
                Report report = refusal.report();
                examples.putIfAbsent(refusal.reason(), report.categoryCode() + " at (" + report.lon() + ", "
                        + report.lat() + ") in " + report.districtCode() + ": " + refusal.detail());
            }
        }
        stats.put("refusedByReason", byReason);
        stats.put("refusalExamples", examples);
        return stats;
    }

    /** A refusal whose answer is not known. */
    public void refused() {
        refused.incrementAndGet();
    }

    /** A refused submission, kept so that a drill can retry it with the same Idempotency-Key as a client would. */
    public void refused(Report report) {
        refused(Refusal.of(report, 0, null));
    }

    /** A refused submission with the answer's status and body (problem+json), counted by its reason. */
    public void refused(Refusal refusal) {
        refused();
        refusals.add(refusal);
        refusalOfReport.put(refusal.report().plan().sequence(), refusal);
    }

    public List<Report> refusedReports() {
        synchronized (refusals) {
            return refusals.stream().map(Refusal::report).toList();
        }
    }

    public CasePlan plan(String caseId) {
        return plans.get(caseId);
    }

    /** The case made from the report with this sequence, once its 201 has come. */
    public Optional<String> caseOf(long reportSequence) {
        return Optional.ofNullable(caseOfReport.get(reportSequence));
    }

    /** The report with this sequence was refused and no retry made a case of it. */
    public boolean refusedReport(long reportSequence) {
        return refusalOfReport.containsKey(reportSequence) && !caseOfReport.containsKey(reportSequence);
    }

    /**
     * The operator could not merge this second report (its first report was refused, or had closed by the time
     * the operator looked), so it is filed as a case of its own and must end CLOSED.
     */
    public void mergeAbandoned(String caseId, String why) {
        mergesAbandoned.putIfAbsent(caseId, why);
    }

    public boolean isMergeAbandoned(String caseId) {
        return mergesAbandoned.containsKey(caseId);
    }

    public Map<String, String> mergesAbandoned() {
        return new TreeMap<>(mergesAbandoned);
    }

    /** The command center sent the case on after its unit returned the task: the new task's id. */
    public void redispatched(String caseId, String taskId) {
        redispatchedTasks.put(caseId, taskId);
    }

    public Optional<String> redispatchedTask(String caseId) {
        return Optional.ofNullable(redispatchedTasks.get(caseId));
    }

    /** The status the case must end in: its plan's, unless the city's people had to decide otherwise. */
    public String expectedFinalStatus(String caseId) {
        CasePlan plan = plans.get(caseId);
        if (plan.duplicate() && mergesAbandoned.containsKey(caseId)) {
            return CasePlan.CLOSED;
        }
        return plan.expectedFinalStatus();
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
