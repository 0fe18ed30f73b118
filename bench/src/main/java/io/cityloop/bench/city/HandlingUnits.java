package io.cityloop.bench.city;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The handling units (处置单位) at their task lists: each signs for a new task at once (签收), or returns the first
 * task of a case planned as not its responsibility (退回); once signed, a unit planned to need more time asks for
 * an extension (延期申请) and waits for the decision; then it feeds back (反馈) after its planned share of the time
 * left to the deadline in force, again after a failed check (返工).
 */
final class HandlingUnits {

    private static final String NOT_OURS = "经核实，该问题不属于本单位职责范围";

    private final Console console;
    private final CaseLedger ledger;

    HandlingUnits(Console console) {
        this.console = console;
        this.ledger = console.ledger();
    }

    void round() {
        for (JsonNode task : console.list("dispatcher", "/api/tasks?status=DISPATCHED&limit=200")) {
            String caseId = task.path("caseId").asString();
            CasePlan plan = ledger.plan(caseId);
            if (plan == null) {
                continue;
            }
            if (plan.returnsFirstTask() && Console.text(task, "previousTaskId") == null
                    && console.claim("return:" + caseId)) {
                returnTask(task, caseId);
            } else if (console.claim("accept:" + task.path("taskId").asString())) {
                accept(task);
            }
        }
        for (JsonNode task : console.list("dispatcher", "/api/tasks?status=ACCEPTED&limit=200")) {
            String caseId = task.path("caseId").asString();
            CasePlan plan = ledger.plan(caseId);
            if (plan == null) {
                continue;
            }
            // Once the request is decided the task is ACCEPTED again and is fed back like any other.
            if (plan.extension() != null && console.claim("extension:" + caseId)) {
                askForExtension(task, caseId, plan.extension());
                continue;
            }
            String key = "feedback:" + task.path("taskId").asString();
            if (console.claim(key)) {
                feedBackLater(task, plan, key);
            }
        }
        for (JsonNode task : console.list("dispatcher", "/api/tasks?status=REWORK&limit=200")) {
            CasePlan plan = ledger.plan(task.path("caseId").asString());
            String key = "rework:" + task.path("taskId").asString() + ":" + task.path("reworkCount").asInt();
            if (plan != null && console.claim(key)) {
                feedBackLater(task, plan, key);
            }
        }
    }

    private void accept(JsonNode task) {
        String taskId = task.path("taskId").asString();
        String unit = task.path("unitId").asString();
        console.act("accept", "accept:" + taskId,
                () -> console.post(unit, "/api/tasks/" + taskId + "/accept", null));
    }

    /** 退回 before signing: a unit looks at what it was sent and says whose it is not. */
    private void returnTask(JsonNode task, String caseId) {
        String taskId = task.path("taskId").asString();
        String unit = task.path("unitId").asString();
        console.act("return", "return:" + caseId,
                () -> console.post(unit, "/api/tasks/" + taskId + "/return", Map.of("reason", NOT_OURS)));
    }

    private void askForExtension(JsonNode task, String caseId, CasePlan.Extension extension) {
        String taskId = task.path("taskId").asString();
        String unit = task.path("unitId").asString();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("amount", extension.workingHours());
        request.put("unit", "WORKING_HOURS");
        request.put("reason", "需协调施工队伍与材料，申请延长处置时限");
        console.act("extension-request", "extension:" + caseId,
                () -> console.post(unit, "/api/tasks/" + taskId + "/extension-request", request));
    }

    private void feedBackLater(JsonNode task, CasePlan plan, String key) {
        String taskId = task.path("taskId").asString();
        String unit = task.path("unitId").asString();
        Duration untilDeadline = Duration.between(console.clock().now(),
                Instant.parse(task.path("deadline").asString()));
        long businessMillis = (long) (Math.max(0, untilDeadline.toMillis()) * plan.handlingFraction());
        console.after(Duration.ofMillis(businessMillis), () -> console.act("feedback", key, () -> console.post(unit,
                "/api/tasks/" + taskId + "/feedback", Map.of("note", "已按结案标准处置完毕"))));
    }
}
