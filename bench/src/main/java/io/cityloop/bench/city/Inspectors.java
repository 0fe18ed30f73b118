package io.cityloop.bench.city;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cityloop.launcher.GatewayClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * The grid inspectors (监督员) at the verification list: for each case being verified (核查中) the inspector of its
 * area goes on site, and after the planned delay (the way there and the look) uploads a photo taken there and
 * gives the verdict (核实); the planned share fails the first time (→ 返工) and passes after the rework.
 *
 * <p>On the way they note which task a re-dispatched case shows: the one the command center sent it on as, or
 * still the returned one.
 */
final class Inspectors {

    /** A 1×1 PNG: the smallest real image an upload that checks the format accepts. */
    private static final String SITE_PHOTO_PNG =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    private final Console console;
    private final CaseLedger ledger;

    Inspectors(Console console) {
        this.console = console;
        this.ledger = console.ledger();
    }

    void round() {
        for (JsonNode verifying : console.list("supervisor", "/api/cases?status=VERIFYING&limit=200")) {
            String caseId = verifying.path("id").asString();
            CasePlan plan = ledger.plan(caseId);
            if (plan == null) {
                continue;
            }
            noteTaskShown(caseId, verifying);
            // Decided from the list itself, not from what this inspector did since: a list read just before a
            // failed check still shows the first check, and must not start a second verdict on it.
            int checksFailed = verifying.path("reworkCount").asInt();
            boolean fail = plan.failsFirstVerification() && checksFailed == 0;
            String key = "verify:" + caseId + ":" + checksFailed;
            if (console.claim(key)) {
                console.after(plan.onSiteDelay(), () -> console.act(fail ? "verify-fail" : "verify-pass", key,
                        () -> verdict(caseId, fail)));
            }
        }
    }

    private Response verdict(String caseId, boolean fail) {
        Response uploaded = console.post("inspector", "/api/cases/" + caseId + "/photos",
                Map.of("file", SITE_PHOTO_PNG, "stage", "VERIFICATION"));
        console.count("photo " + uploaded.status());
        if (uploaded.status() != 201 && uploaded.status() != 404) {
            // no verdict without the photo the city may require: the upload's refusal answers for the action
            // (a 5xx or 409 frees it for the next round)
            return uploaded;
        }
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("result", fail ? "FAIL" : "PASS");
        check.put("note", fail ? "现场仍未达到结案标准" : "现场已处置到位");
        if (uploaded.status() == 201) {
            check.put("photoIds", List.of(uploaded.path("id").asString()));
        }
        return console.post("inspector", "/api/cases/" + caseId + "/verification", check);
    }

    private void noteTaskShown(String caseId, JsonNode verifying) {
        ledger.redispatchedTask(caseId).ifPresent(sentOnAs -> {
            if (console.claim("task-shown:" + caseId)) {
                String shown = verifying.path("currentTask").path("taskId").asString("");
                console.count(sentOnAs.equals(shown) ? "re-dispatched case shows its new task"
                        : "re-dispatched case still shows the returned task");
            }
        });
    }
}
