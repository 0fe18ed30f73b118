package io.cityloop.bench.city;

import java.util.LinkedHashMap;
import java.util.Map;

import io.cityloop.launcher.GatewayClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * The dispatcher of the command center (指挥中心派遣员): works the manual dispatch queue (待派遣), where returned
 * tasks wait — judges each return (回退审核: a routing error or not, as planned) and then sends the case to the unit
 * that owns the problem (改派); and decides the units' extension requests (延期审批: approves most, as planned).
 */
final class CommandCenter {

    /** Who owns a problem a district platform returned: the city's urban management enforcement bureau. */
    static final String ENFORCEMENT_BUREAU = "dept-01";
    /** A department's return goes to the platform of the district where the case lies. */
    static final String DISTRICT = "DISTRICT";

    private final Console console;
    private final CaseLedger ledger;

    CommandCenter(Console console) {
        this.console = console;
        this.ledger = console.ledger();
    }

    void round() {
        for (JsonNode waiting : console.list("dispatcher", "/api/dispatch-queue?limit=200")) {
            String caseId = waiting.path("caseId").asString();
            CasePlan plan = ledger.plan(caseId);
            if (!"RETURNED".equals(waiting.path("kind").asString()) || plan == null) {
                continue;
            }
            String taskId = waiting.path("taskId").asString();
            if (waiting.path("returnReview").isObject()) {
                if (console.claim("redispatch:" + taskId)) {
                    redispatch(caseId, taskId, waiting.path("unitId").asString());
                }
            } else if (console.claim("review:" + taskId)) {
                // the case goes out again on the next look at the queue, once the review shows there
                review(taskId, plan.taskReturn() == null || plan.taskReturn().justified());
            }
        }
        for (JsonNode task : console.list("dispatcher", "/api/tasks?status=EXTENSION_REQUESTED&limit=200")) {
            CasePlan plan = ledger.plan(task.path("caseId").asString());
            String taskId = task.path("taskId").asString();
            if (plan != null && console.claim("extension-decision:" + taskId)) {
                decideExtension(taskId, plan.extension() == null || plan.extension().approved());
            }
        }
    }

    private void review(String taskId, boolean justified) {
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("justified", justified);
        review.put("reason", justified ? "派遣有误，确属他单位职责" : "属本单位职责，回退理由不成立");
        console.act(justified ? "return-review justified" : "return-review unjustified", "review:" + taskId,
                () -> console.post("dispatcher", "/api/tasks/" + taskId + "/return-review", review));
    }

    /** 改派 to the unit that owns it; the routing rules would only send it back to the unit that returned it. */
    private void redispatch(String caseId, String taskId, String returnedBy) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("unitId", returnedBy.startsWith("district-") ? ENFORCEMENT_BUREAU : DISTRICT);
        order.put("reason", "回退后改派至责任单位");
        Response answer = console.act("redispatch", "redispatch:" + taskId,
                () -> console.post("dispatcher", "/api/tasks/" + taskId + "/redispatch", order));
        if (answer != null && answer.status() == 201) {
            ledger.redispatched(caseId, answer.path("taskId").asString());
        }
    }

    private void decideExtension(String taskId, boolean approved) {
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("approved", approved);
        decision.put("reason", approved ? "情况属实，同意延期" : "不符合延期条件，请按原时限处置");
        console.act(approved ? "extension-approve" : "extension-reject", "extension-decision:" + taskId,
                () -> console.post("dispatcher", "/api/tasks/" + taskId + "/extension-decision", decision));
    }
}
