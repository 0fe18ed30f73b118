package io.cityloop.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.cityloop.launcher.GatewayClient.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The closed loop through the gateway against the real thing: embedded Kafka and MongoDB, the five services as
 * separate processes from their jars. One case goes report → file → dispatch → accept → feedback → verification
 * FAIL (with the inspector's photo) → rework → feedback → verification PASS (with a photo) → closed, and must show
 * in the month's scorecards. A citizen's Open311 report next to an inspector's is merged into it.
 */
class ClosedLoopEndToEndIntegrationTest {

    private static final Duration ASYNC = Duration.ofSeconds(60);
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final String QINDU_UNIT = "district-610402";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static CityLoopSystem system;
    private static GatewayClient client;

    @BeforeAll
    static void startTheCity() throws Exception {
        LauncherOptions options = TestCities.options("cityloop-e2e");
        system = CityLoopSystem.start(options, null, Duration.ofMinutes(5));
        client = new GatewayClient(system.gatewayUrl());
    }

    @AfterAll
    static void stopTheCity() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aCaseTravelsTheWholeLoopAndLandsInTheScorecards() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> report = Map.of(
                "categoryCode", "02-01-01",
                "description", "人民路与渭阳西路交叉口东南角暴露垃圾约2平方米",
                "location", Map.of("lon", 108.7012, "lat", 34.3405),
                "address", "秦都区人民路88号");

        Response reported = client.post("inspector", "/api/cases", report, Map.of("Idempotency-Key", key));
        assertThat(reported.status()).as(reported.body().toString()).isEqualTo(201);
        String caseId = reported.path("id").asString();
        assertThat(reported.path("status").asString()).isEqualTo("REPORTED");
        assertThat(reported.path("districtCode").asString()).isEqualTo("610402");
        assertThat(reported.path("gridCode").asString()).startsWith("610402").hasSize(16);

        Response retried = client.post("inspector", "/api/cases", report, Map.of("Idempotency-Key", key));
        assertThat(retried.path("id").asString()).isEqualTo(caseId);

        Response inspectorFiling = client.post("inspector", "/api/cases/" + caseId + "/filing",
                Map.of("decision", "FILE"));
        assertProblem(inspectorFiling, 403);

        Response filed = client.post("operator", "/api/cases/" + caseId + "/filing",
                Map.of("decision", "FILE", "note", "符合立案标准"));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(200);
        assertThat(filed.path("status").asString()).isEqualTo("FILED");

        JsonNode task = awaitTask(QINDU_UNIT, caseId, "DISPATCHED");
        String taskId = task.path("taskId").asString();
        assertThat(task.path("unitId").asString()).isEqualTo(QINDU_UNIT);
        client.awaitGet("supervisor", "/api/cases/" + caseId,
                r -> "DISPATCHED".equals(r.path("status").asString()), ASYNC);

        assertThat(ids(client.get("dept-01", "/api/tasks"))).doesNotContain(taskId);
        assertProblem(client.post("dept-01", "/api/tasks/" + taskId + "/accept", null), 403);
        assertProblem(client.post(QINDU_UNIT, "/api/tasks/" + taskId + "/feedback", Map.of("note", "已清运")), 409);
        assertThat(client.get(QINDU_UNIT, "/api/tasks/" + taskId).path("status").asString()).isEqualTo("DISPATCHED");

        assertThat(client.post(QINDU_UNIT, "/api/tasks/" + taskId + "/accept", null).status()).isEqualTo(200);
        Response handled = client.post(QINDU_UNIT, "/api/tasks/" + taskId + "/feedback",
                Map.of("note", "已清运，地面已冲洗", "photoRef", "photo-20261123-001"));
        assertThat(handled.status()).as(handled.body().toString()).isEqualTo(200);
        assertThat(handled.path("status").asString()).isEqualTo("HANDLED");

        client.awaitGet("inspector", "/api/cases/" + caseId,
                r -> "VERIFYING".equals(r.path("status").asString()), ASYNC);
        Response withoutPhoto = client.post("inspector", "/api/cases/" + caseId + "/verification",
                Map.of("result", "FAIL", "note", "现场仍有残留垃圾"));
        assertProblem(withoutPhoto, 400);
        assertThat(withoutPhoto.body().toString()).contains("photoIds");
        byte[] leftovers = DemoSeeder.sitePhoto(1);
        String failPhoto = uploadVerificationPhoto(caseId, leftovers);
        assertThat(download(caseId, failPhoto)).isEqualTo(leftovers);
        Response failed = client.post("inspector", "/api/cases/" + caseId + "/verification",
                Map.of("result", "FAIL", "note", "现场仍有残留垃圾", "photoIds", List.of(failPhoto)));
        assertThat(failed.status()).as(failed.body().toString()).isEqualTo(200);
        assertThat(failed.path("status").asString()).isEqualTo("REWORK");

        JsonNode rework = awaitTask(QINDU_UNIT, caseId, "REWORK");
        assertThat(rework.path("reworkCount").asInt()).isEqualTo(1);
        assertThat(Instant.parse(rework.path("deadline").asString()))
                .isAfterOrEqualTo(Instant.parse(task.path("deadline").asString()));
        assertThat(client.post(QINDU_UNIT, "/api/tasks/" + taskId + "/feedback",
                Map.of("note", "已二次清理，残留垃圾已清除")).status()).isEqualTo(200);

        client.awaitGet("inspector", "/api/cases/" + caseId,
                r -> "VERIFYING".equals(r.path("status").asString()), ASYNC);
        String passPhoto = uploadVerificationPhoto(caseId, DemoSeeder.sitePhoto(2));
        Response passed = client.post("inspector", "/api/cases/" + caseId + "/verification",
                Map.of("result", "PASS", "note", "现场已清理干净", "photoIds", List.of(passPhoto)));
        assertThat(passed.status()).as(passed.body().toString()).isEqualTo(200);
        assertThat(passed.path("status").asString()).isEqualTo("CLOSED");
        assertThat(passed.path("verification").path("photoIds").get(0).asString()).isEqualTo(passPhoto);
        assertThat(passed.path("photos").findValuesAsString("stage")).containsExactly("VERIFICATION", "VERIFICATION");

        Response closedCase = client.get("supervisor", "/api/cases/" + caseId);
        List<String> timeline = new ArrayList<>();
        for (JsonNode entry : closedCase.path("timeline")) {
            timeline.add(entry.path("type").asString());
            assertThat(entry.path("actor").asString()).as("actor of " + entry).isNotBlank();
            assertThat(entry.path("role").asString()).as("role of " + entry).isNotBlank();
            assertThat(entry.path("at").asString()).as("time of " + entry).isNotBlank();
        }
        assertThat(timeline).containsExactly("reported", "filed", "dispatched", "accepted", "handled",
                "verification-requested", "rework-required", "rework-dispatched", "handled",
                "verification-requested", "verified", "closed");
        assertThat(closedCase.path("timeline").findValuesAsString("source"))
                .anyMatch(s -> s.contains("dispatch")).anyMatch(s -> s.contains("case-intake"));

        JsonNode finalTask = client.get(QINDU_UNIT, "/api/tasks/" + taskId).body();
        YearMonth dueMonth = YearMonth.from(Instant.parse(finalTask.path("deadline").asString()).atZone(CITY));
        JsonNode unitRow = awaitScorecardRow("/api/scorecards/" + dueMonth + "/departments", "unitId", QINDU_UNIT,
                row -> row.path("closed").asInt() == 1);
        assertThat(unitRow.path("dispatched").asInt()).isEqualTo(1);
        assertThat(unitRow.path("handled").asInt()).isEqualTo(1);
        assertThat(unitRow.path("handledOnTime").asInt()).isEqualTo(1);
        assertThat(unitRow.path("overdue").asInt()).isZero();
        assertThat(unitRow.path("rework").asInt()).isEqualTo(1);
        assertThat(unitRow.path("handlingRate").asDouble()).isEqualTo(1.0);
        assertThat(unitRow.path("onTimeRate").asDouble()).isEqualTo(1.0);
        assertThat(unitRow.path("reworkRate").asDouble()).isEqualTo(1.0);

        JsonNode districtRow = awaitScorecardRow("/api/scorecards/" + dueMonth + "/districts", "districtCode",
                "610402", row -> row.path("closed").asInt() == 1);
        assertThat(districtRow.path("dispatched").asInt()).isEqualTo(1);
        assertThat(districtRow.path("handledOnTime").asInt()).isEqualTo(1);
        assertThat(districtRow.path("rework").asInt()).isEqualTo(1);
        YearMonth reportMonth = YearMonth.from(Instant.parse(closedCase.path("reportedAt").asString()).atZone(CITY));
        JsonNode reportRow = awaitScorecardRow("/api/scorecards/" + reportMonth + "/districts", "districtCode",
                "610402", row -> row.path("reported").asInt() == 1);
        assertThat(reportRow.path("filed").asInt()).isEqualTo(1);

        Response notifications = client.awaitGet(QINDU_UNIT, "/api/notifications",
                r -> r.body().toString().contains(caseId), ASYNC);
        assertThat(notifications.status()).isEqualTo(200);
        assertThat(client.get("dept-16", "/api/notifications").body().toString()).doesNotContain(caseId);
    }

    @Test
    void aSecondReportNearbyIsFlaggedAsADuplicateMergedAndItsReporterCreditedOnTheFirst() {
        Response first = client.post("inspector", "/api/cases", Map.of(
                "categoryCode", "02-05-05",
                "description", "人行道露天烧烤油烟扰民",
                "location", Map.of("lon", 108.7520, "lat", 34.3560),
                "address", "渭城区文林路"), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        String masterId = first.path("id").asString();

        // A citizen without an account reports the same stall about 20 m away, through Open311.
        Response citizen = client.send("POST", "/open311/v2/requests.json", null, Map.of(
                "service_code", "02-05-05",
                "lat", 34.3561,
                "long", 108.7522,
                "description", "路边烧烤烟很大"), Map.of());
        assertThat(citizen.status()).as(citizen.body().toString()).isEqualTo(201);
        String duplicateId = citizen.body().get(0).path("service_request_id").asString();

        Response queue = client.get("operator", "/api/cases/filing-queue?limit=200");
        JsonNode flagged = null;
        for (JsonNode waiting : queue.body()) {
            if (duplicateId.equals(waiting.path("id").asString())) {
                flagged = waiting;
            }
        }
        assertThat(flagged).as("the duplicate in the filing queue " + queue.body()).isNotNull();
        assertThat(flagged.path("source").asString()).isEqualTo("PUBLIC");
        assertThat(flagged.path("probableDuplicates").get(0).asString()).isEqualTo(masterId);

        Response merged = client.post("operator", "/api/cases/" + duplicateId + "/filing",
                Map.of("decision", "MERGE", "masterCaseId", masterId, "note", "同一烧烤摊"));
        assertThat(merged.status()).as(merged.body().toString()).isEqualTo(200);
        assertThat(merged.path("status").asString()).isEqualTo("MERGED");
        assertThat(merged.path("masterCaseId").asString()).isEqualTo(masterId);

        Response master = client.get("operator", "/api/cases/" + masterId);
        assertThat(master.path("status").asString()).isEqualTo("REPORTED");
        assertThat(master.path("coReporters").get(0).asString()).isEqualTo("public");
        assertThat(master.path("coReporters").size()).isEqualTo(1);

        Response tracked = client.send("GET", "/open311/v2/requests/" + duplicateId + ".json", null, null, Map.of());
        assertThat(tracked.status()).isEqualTo(200);
        assertThat(tracked.body().get(0).path("status").asString()).isEqualTo("closed");
        assertThat(tracked.body().get(0).path("status_notes").asString()).contains(masterId);
    }

    /**
     * The catalog has one owner: an admin's edit of 乱堆物堆料's handling limit and default unit reaches the command
     * center with the next filing, and the task is due by the new limit.
     */
    @Test
    void anAdminsCatalogEditSetsTheNextTasksUnitAndDeadline() {
        String current = client.get("admin", "/api/reference/categories").path("version").asString();
        Response edited = client.send("PUT", "/api/reference/categories/02-01-08", client.token("admin"), Map.of(
                "baseVersion", current, "name", "乱堆物堆料", "urgency", "QUICK",
                "handlingLimit", Map.of("amount", 2, "unit", "WORKING_HOURS"), "verificationLimitHours", 1,
                "defaultUnit", "dept-11", "filingCriterion", "道路、公共场所堆放物料大于0.5平方米",
                "closingCriterion", "物料清除、地面整洁", "note", "主干道堆物由市环境卫生管理中心2小时内清除"), Map.of());
        assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);
        String version = edited.path("version").asString();
        assertThat(version).isNotEqualTo(current);

        Response reported = client.post("inspector", "/api/cases", Map.of(
                "categoryCode", "02-01-08",
                "description", "渭阳西路人行道堆放建筑材料约3平方米",
                "location", Map.of("lon", 108.7105, "lat", 34.3620)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(reported.status()).as(reported.body().toString()).isEqualTo(201);
        String caseId = reported.path("id").asString();
        assertThat(reported.path("catalogVersion").asString()).isEqualTo(version);
        assertThat(client.post("operator", "/api/cases/" + caseId + "/filing", Map.of("decision", "FILE")).status())
                .isEqualTo(200);

        JsonNode task = awaitTask("dept-11", caseId, "DISPATCHED");
        JsonNode details = client.get("dept-11", "/api/tasks/" + task.path("taskId").asString()).body();
        assertThat(details.path("catalogVersion").asString()).isEqualTo(version);
        assertThat(details.path("timeLimit").path("unit").asString()).isEqualTo("WORKING_HOURS");
        assertThat(details.path("timeLimit").path("amount").asDouble()).isEqualTo(2.0);
        assertThat(details.path("grantedWorkingMinutes").asLong()).isEqualTo(120);
        assertThat(details.path("ruleId").asString()).isEqualTo("catalog-default");
    }

    @Test
    void everyClientAsksTheSameBusinessTimeThroughTheGateway() {
        java.time.Instant before = java.time.Instant.now();
        Response clock = client.get("inspector", "/api/clock");
        java.time.Instant after = java.time.Instant.now();

        assertThat(clock.status()).isEqualTo(200);
        assertThat(clock.path("mode").asString()).as("this system runs on the real clock").isEqualTo("system");
        assertThat(clock.path("zone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(java.time.Instant.parse(clock.path("now").asString())).isBetween(before.minusSeconds(1),
                after.plusSeconds(1));
        assertThat(client.send("GET", "/api/clock", null, null, Map.of()).status()).as("a signed-in question").isEqualTo(401);
    }

    @Test
    void badInputGetsProblemsAndCreatesNothing() {
        int waitingBefore = client.get("operator", "/api/cases?status=REPORTED").body().size();

        Response unknownCategory = client.post("inspector", "/api/cases", Map.of(
                "categoryCode", "09-09-99", "description", "不存在的类别",
                "location", Map.of("lon", 108.70, "lat", 34.34)), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertProblem(unknownCategory, 400);
        assertThat(unknownCategory.body().toString()).contains("categoryCode");

        Response outsideCity = client.post("inspector", "/api/cases", Map.of(
                "categoryCode", "02-01-01", "description", "北京天安门广场",
                "location", Map.of("lon", 116.397, "lat", 39.909)), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertProblem(outsideCity, 400);
        assertThat(outsideCity.body().toString()).contains("location");

        assertProblem(client.get("supervisor", "/api/cases/CL20261123999999"), 404);
        assertProblem(client.send("GET", "/api/tasks", null, null, Map.of()), 401);
        assertProblem(client.get("supervisor", "/api/scorecards/2026-13/departments"), 400);
        assertProblem(client.get("inspector", "/api/scorecards/2026-11/departments"), 403);

        assertThat(client.get("operator", "/api/cases?status=REPORTED").body().size()).isEqualTo(waitingBefore);
    }

    /** The inspector's on-site photo, uploaded through the gateway as a phone does: multipart, part {@code file}. */
    private static String uploadVerificationPhoto(String caseId, byte[] jpeg) {
        String boundary = "cityloop-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"stage\"\r\n\r\nVERIFICATION\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"site.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(jpeg);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(photosOf(caseId))
                .header("Authorization", "Bearer " + client.token("inspector"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode photo = JSON.readTree(response.body());
        assertThat(photo.path("contentType").asString()).isEqualTo("image/jpeg");
        assertThat(photo.path("stage").asString()).isEqualTo("VERIFICATION");
        return photo.path("id").asString();
    }

    private static byte[] download(String caseId, String photoId) {
        HttpResponse<byte[]> response = exchange(HttpRequest.newBuilder(URI.create(photosOf(caseId) + "/" + photoId))
                .header("Authorization", "Bearer " + client.token("operator")).GET(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        return response.body();
    }

    private static URI photosOf(String caseId) {
        return URI.create(system.gatewayUrl() + "/api/cases/" + caseId + "/photos");
    }

    private static <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.path("status").asInt()).isEqualTo(status);
        assertThat(response.path("type").asString()).startsWith("https://cityloop.io/problems/");
    }

    private static JsonNode awaitTask(String unit, String caseId, String status) {
        Response tasks = client.awaitGet(unit, "/api/tasks", r -> find(r.body(), caseId, status) != null, ASYNC);
        return find(tasks.body(), caseId, status);
    }

    private static JsonNode find(JsonNode tasks, String caseId, String status) {
        for (JsonNode task : tasks) {
            if (caseId.equals(task.path("caseId").asString()) && status.equals(task.path("status").asString())) {
                return task;
            }
        }
        return null;
    }

    private static List<String> ids(Response tasks) {
        List<String> ids = new ArrayList<>();
        tasks.body().forEach(task -> ids.add(task.path("taskId").asString()));
        return ids;
    }

    private static JsonNode awaitScorecardRow(String path, String keyField, String key,
                                              java.util.function.Predicate<JsonNode> ready) {
        Response card = client.awaitGet("supervisor", path, r -> {
            JsonNode row = row(r.body(), keyField, key);
            return row != null && ready.test(row);
        }, ASYNC);
        return row(card.body(), keyField, key);
    }

    private static JsonNode row(JsonNode scorecard, String keyField, String key) {
        for (JsonNode row : scorecard.path("rows")) {
            if (key.equals(row.path(keyField).asString())) {
                return row;
            }
        }
        return null;
    }
}
