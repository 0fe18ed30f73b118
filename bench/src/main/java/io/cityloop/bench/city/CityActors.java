package io.cityloop.bench.city;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.cityloop.launcher.GatewayClient;
import io.cityloop.launcher.GatewayClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * The people of the simulated city after the report: the operator (受理员) files or rejects, each handling unit
 * (处置单位) accepts its tasks and feeds back after a delay taken from its case plan (a share after the deadline),
 * and inspectors (监督员) check on site (核实), failing a share the first time so that the case goes to rework.
 *
 * <p>They work from the same lists a console shows (waiting reports, tasks by status, cases being verified) and act
 * through the gateway. An action that fails because a service is down is simply picked up again on the next round,
 * as a person would retry; answers are counted by outcome for the report.
 */
public final class CityActors implements AutoCloseable {

    private static final Duration ROUND = Duration.ofMillis(400);
    /** A 1×1 PNG: the smallest real image an upload that checks the format accepts. */
    private static final String SITE_PHOTO_PNG =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    private final Supplier<GatewayClient> client;
    private final CaseLedger ledger;
    private final BusinessClock clock;
    private final Duration maxHandlingDelay;
    private final ScheduledExecutorService workers = Executors.newScheduledThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "city-actor");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> started = ConcurrentHashMap.newKeySet();
    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();

    public CityActors(Supplier<GatewayClient> client, CaseLedger ledger, BusinessClock clock,
                      Duration maxHandlingDelay) {
        this.client = client;
        this.ledger = ledger;
        this.clock = clock;
        this.maxHandlingDelay = maxHandlingDelay;
    }

    public void start() {
        workers.scheduleWithFixedDelay(guarded(this::fileWaitingReports), 0, ROUND.toMillis(), TimeUnit.MILLISECONDS);
        workers.scheduleWithFixedDelay(guarded(this::takeUpTasks), 100, ROUND.toMillis(), TimeUnit.MILLISECONDS);
        workers.scheduleWithFixedDelay(guarded(this::verifyOnSite), 200, ROUND.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** 立案: the operator files what meets the criterion and rejects the planned share. */
    private void fileWaitingReports() {
        for (JsonNode waiting : list("operator", "/api/cases?status=REPORTED&limit=200")) {
            String caseId = waiting.path("id").asString();
            CasePlan plan = ledger.plan(caseId);
            if (plan == null || !started.add("file:" + caseId)) {
                continue;
            }
            Map<String, Object> decision = new LinkedHashMap<>();
            if (plan.rejected()) {
                decision.put("decision", "REJECT");
                decision.put("reasonCode", "CRITERION_NOT_MET");
                decision.put("note", "未达到立案标准");
            } else {
                decision.put("decision", "FILE");
                decision.put("note", "符合立案标准");
            }
            act(plan.rejected() ? "reject" : "file", "file:" + caseId, () -> client.get().post("operator", "/api/cases/" + caseId + "/filing",
                    decision));
        }
    }

    /** 处置: each unit accepts a new task at once and feeds back after its planned share of the time limit. */
    private void takeUpTasks() {
        for (JsonNode task : list("dispatcher", "/api/tasks?status=DISPATCHED")) {
            String taskId = task.path("taskId").asString();
            String unit = task.path("unitId").asString();
            CasePlan plan = ledger.plan(task.path("caseId").asString());
            if (plan == null || !started.add("accept:" + taskId)) {
                continue;
            }
            act("accept", "accept:" + taskId, () -> client.get().post(unit, "/api/tasks/" + taskId + "/accept", null));
        }
        for (JsonNode task : list("dispatcher", "/api/tasks?status=ACCEPTED")) {
            CasePlan plan = ledger.plan(task.path("caseId").asString());
            String key = "feedback:" + task.path("taskId").asString();
            if (plan != null && started.add(key)) {
                scheduleFeedback(task, plan, key);
            }
        }
        for (JsonNode task : list("dispatcher", "/api/tasks?status=REWORK")) {
            CasePlan plan = ledger.plan(task.path("caseId").asString());
            String key = "rework:" + task.path("taskId").asString() + ":" + task.path("reworkCount").asInt();
            if (plan != null && started.add(key)) {
                scheduleFeedback(task, plan, key);
            }
        }
    }

    private void scheduleFeedback(JsonNode task, CasePlan plan, String key) {
        String taskId = task.path("taskId").asString();
        String unit = task.path("unitId").asString();
        Duration untilDeadline = Duration.between(clock.now(), Instant.parse(task.path("deadline").asString()));
        long realMillis = (long) (Math.max(0, untilDeadline.toMillis()) * plan.handlingFraction() / clock.speed());
        long delay = Math.min(realMillis, maxHandlingDelay.toMillis());
        workers.schedule(guarded(() -> act("feedback", key, () -> client.get().post(unit,
                "/api/tasks/" + taskId + "/feedback", Map.of("note", "已按结案标准处置完毕")))), delay,
                TimeUnit.MILLISECONDS);
    }

    /** 核实: the inspector checks; the planned share fails the first time and passes after rework. */
    private void verifyOnSite() {
        for (JsonNode verifying : list("supervisor", "/api/cases?status=VERIFYING&limit=200")) {
            String caseId = verifying.path("id").asString();
            CasePlan plan = ledger.plan(caseId);
            boolean fail = plan != null && plan.failsFirstVerification() && !failedOnce.contains(caseId);
            String key = "verify:" + caseId + (fail ? ":fail" : ":pass");
            if (plan == null || !started.add(key)) {
                continue;
            }
            act(fail ? "verify-fail" : "verify-pass", key, () -> {
                Map<String, Object> check = new LinkedHashMap<>();
                check.put("result", fail ? "FAIL" : "PASS");
                check.put("note", fail ? "现场仍未达到结案标准" : "现场已处置到位");
                String photo = sitePhoto(caseId);
                if (photo != null) {
                    check.put("photoIds", java.util.List.of(photo));
                }
                Response answer = client.get().post("inspector", "/api/cases/" + caseId + "/verification", check);
                if (fail && answer.status() == 200) {
                    failedOnce.add(caseId);
                }
                return answer;
            });
        }
    }

    /**
     * The inspector's on-site photo (现场照片), which a city may require with every verdict; null when the running
     * case-intake has no photo upload.
     */
    private String sitePhoto(String caseId) {
        Response uploaded = client.get().post("inspector", "/api/cases/" + caseId + "/photos",
                Map.of("file", SITE_PHOTO_PNG, "stage", "VERIFICATION"));
        count("photo " + uploaded.status());
        return uploaded.status() == 201 ? uploaded.path("id").asString() : null;
    }

    /** Runs one action; on an answer that says "try again" (5xx or no answer) the key is freed for the next round. */
    private void act(String what, String key, Supplier<Response> action) {
        try {
            Response answer = action.get();
            count(what + " " + answer.status());
            if (answer.status() >= 500 || answer.status() == 401) {
                started.remove(key);
            }
        } catch (RuntimeException e) {
            count(what + " no-answer");
            started.remove(key);
        }
    }

    private Iterable<JsonNode> list(String user, String path) {
        try {
            Response answer = client.get().get(user, path);
            if (answer.status() == 200 && answer.body().isArray()) {
                return answer.body();
            }
            count("list " + answer.status());
        } catch (RuntimeException e) {
            count("list no-answer");
        }
        return java.util.List.of();
    }

    private void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
    }

    private static Runnable guarded(Runnable round) {
        return () -> {
            try {
                round.run();
            } catch (RuntimeException e) {
                // A round that failed is simply tried again next time: the lists are the source of truth.
            }
        };
    }

    /** Answers per action and status, e.g. {@code "accept 200" → 812}. */
    public Map<String, Long> outcomes() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        outcomes.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
