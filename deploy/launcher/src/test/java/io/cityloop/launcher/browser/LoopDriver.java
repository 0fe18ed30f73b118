package io.cityloop.launcher.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import io.cityloop.launcher.GatewayClient;
import io.cityloop.launcher.GatewayClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * Moves a case along the loop through the API, for the steps a browser test does not look at: the other
 * people's work around the screen under test.
 */
final class LoopDriver {

    static final String QINDU = "district-610402";
    private static final Duration ASYNC = Duration.ofSeconds(60);

    private final GatewayClient api;

    /** Through the shared {@link BrowserCity}'s gateway. */
    LoopDriver() {
        this(BrowserCity.api());
    }

    /** Through another city's gateway. */
    LoopDriver(GatewayClient api) {
        this.api = api;
    }

    /**
     * An inspector's report of exposed garbage (暴露垃圾, 02-01-01) in 秦都区 with one photo, filed by the operator and
     * dispatched by the dispatcher to 秦都区's platform.
     */
    String filedCase(String description, double lon, double lat) {
        return dispatchedCase("02-01-01", description, lon, lat, "秦都区人民路88号", QINDU, "街面市容问题，派秦都区城管平台");
    }

    /** A report of the category with one photo, filed, and dispatched by the dispatcher to the unit with the reason. */
    String dispatchedCase(String categoryCode, String description, double lon, double lat, String address,
                          String unitId, String reason) {
        String caseId = parkedCase(categoryCode, description, lon, lat, address);
        Response dispatched = api.post("dispatcher", "/api/dispatch-queue/" + caseId + "/dispatch",
                Map.of("unitId", unitId, "reason", reason));
        assertThat(dispatched.status()).as(dispatched.body().toString()).isEqualTo(201);
        return caseId;
    }

    /** Reported and filed; waits on the dispatch desk (automatic routing is off in the browser tests' city). */
    String parkedCase(String description, double lon, double lat) {
        return parkedCase("02-01-01", description, lon, lat, "秦都区人民路88号");
    }

    private String parkedCase(String categoryCode, String description, double lon, double lat, String address) {
        Response reported = api.post("inspector", "/api/cases", Map.of(
                "categoryCode", categoryCode, "description", description,
                "location", Map.of("lon", lon, "lat", lat), "address", address),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(reported.status()).as(reported.body().toString()).isEqualTo(201);
        String caseId = reported.path("id").asString();
        Response photo = api.post("inspector", "/api/cases/" + caseId + "/photos", Map.of(
                "file", base64(AppPage.photo("report-" + caseId, caseId.hashCode())), "stage", "REPORT"));
        assertThat(photo.status()).as(photo.body().toString()).isEqualTo(201);
        Response filed = api.post("operator", "/api/cases/" + caseId + "/filing", Map.of("decision", "FILE",
                "note", "符合立案标准"));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(200);
        awaitParked(caseId);
        return caseId;
    }

    /** A caller's report of exposed garbage (暴露垃圾) taken by the operator on the 12345 hotline, waiting for filing. */
    String hotlineReport(String description, double lon, double lat) {
        Response reported = api.post("operator", "/api/cases", Map.of("categoryCode", "02-01-01",
                "description", description, "location", Map.of("lon", lon, "lat", lat), "source", "HOTLINE",
                "address", "秦都区人民路88号", "caller", Map.of("name", "李建国", "phone", "13909101234")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(reported.status()).as(reported.body().toString()).isEqualTo(201);
        return reported.path("id").asString();
    }

    void awaitParked(String caseId) {
        api.awaitGet("dispatcher", "/api/dispatch-queue?limit=500", r -> r.body().toString().contains(caseId), ASYNC);
    }

    JsonNode awaitTask(String unit, String caseId, String status) {
        Response tasks = api.awaitGet(unit, "/api/tasks?limit=200", r -> find(r.body(), caseId, status) != null, ASYNC);
        return find(tasks.body(), caseId, status);
    }

    /** Dispatched, accepted and fed back by 秦都区's platform: the case waits for the inspector's check. */
    String caseWaitingForCheck(String description, double lon, double lat) {
        String caseId = filedCase(description, lon, lat);
        String taskId = awaitTask(QINDU, caseId, "DISPATCHED").path("taskId").asString();
        assertThat(api.post(QINDU, "/api/tasks/" + taskId + "/accept", null).status()).isEqualTo(200);
        assertThat(api.post(QINDU, "/api/tasks/" + taskId + "/feedback", Map.of("note", "已清运，地面已冲洗"))
                .status()).isEqualTo(200);
        awaitCase(caseId, "VERIFYING");
        return caseId;
    }

    JsonNode awaitCase(String caseId, String status) {
        return api.awaitGet("supervisor", "/api/cases/" + caseId, r -> status.equals(r.path("status").asString()),
                ASYNC).body();
    }

    JsonNode caseFile(String caseId) {
        return api.get("supervisor", "/api/cases/" + caseId).body();
    }

    JsonNode task(String taskId) {
        return api.get(QINDU, "/api/tasks/" + taskId).body();
    }

    GatewayClient api() {
        return api;
    }

    private static JsonNode find(JsonNode tasks, String caseId, String status) {
        for (JsonNode task : tasks) {
            if (caseId.equals(task.path("caseId").asString()) && status.equals(task.path("status").asString())) {
                return task;
            }
        }
        return null;
    }

    private static String base64(Path file) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
