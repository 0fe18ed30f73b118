package io.cityloop.bench.city;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.cityloop.launcher.GatewayClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * The operator (受理员) at the filing queue: files what meets the criterion, rejects the planned share (不予立案), and
 * merges a second report of an open case into that case (合并, case-intake's MERGE decision). A second report whose
 * first report was refused, or had already closed, is a problem of its own and is filed.
 */
final class Operator {

    private static final String WAITING = "/api/cases?status=REPORTED&limit=200";

    private final Console console;
    private final CaseLedger ledger;

    Operator(Console console) {
        this.console = console;
        this.ledger = console.ledger();
    }

    void round() {
        for (JsonNode waiting : console.list("operator", WAITING)) {
            String caseId = waiting.path("id").asString();
            CasePlan plan = ledger.plan(caseId);
            if (plan == null) {
                continue;
            }
            if (plan.duplicate() && !ledger.isMergeAbandoned(caseId)) {
                merge(caseId, plan, waiting);
            } else if (console.claim("file:" + caseId)) {
                decide(caseId, plan.rejected());
            }
        }
    }

    private void decide(String caseId, boolean reject) {
        Map<String, Object> decision = new LinkedHashMap<>();
        if (reject) {
            decision.put("decision", "REJECT");
            decision.put("reasonCode", "CRITERION_NOT_MET");
            decision.put("note", "未达到立案标准");
        } else {
            decision.put("decision", "FILE");
            decision.put("note", "符合立案标准");
        }
        console.act(reject ? "reject" : "file", "file:" + caseId,
                () -> console.post("operator", "/api/cases/" + caseId + "/filing", decision));
    }

    /**
     * Merges once the first report's case id is known; while its answer is still on the way the second report
     * waits for the next round, as it would in a real queue behind the first.
     */
    private void merge(String caseId, CasePlan plan, JsonNode waiting) {
        Optional<String> master = ledger.caseOf(plan.duplicateOf());
        if (master.isEmpty()) {
            if (ledger.refusedReport(plan.duplicateOf())) {
                ledger.mergeAbandoned(caseId, "its first report was refused");
                console.count("merge abandoned: first report refused");
            }
            return;
        }
        String key = "merge:" + caseId;
        if (!console.claim(key)) {
            return;
        }
        boolean flagged = false;
        for (JsonNode probable : waiting.path("probableDuplicates")) {
            flagged |= master.get().equals(probable.asString());
        }
        console.count(flagged ? "duplicate flagged by case-intake" : "duplicate not flagged by case-intake");
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("decision", "MERGE");
        decision.put("masterCaseId", master.get());
        decision.put("note", "同一问题重复上报");
        Response answer = console.act("merge", key,
                () -> console.post("operator", "/api/cases/" + caseId + "/filing", decision));
        if (answer != null && answer.status() == 400 && answer.body().toString().contains("masterCaseId")) {
            // the first case closed (or ended otherwise) before the operator reached the second report
            ledger.mergeAbandoned(caseId, "master " + master.get() + " no longer open: " + answer.body());
            console.count("merge abandoned: master no longer open");
        }
    }
}
