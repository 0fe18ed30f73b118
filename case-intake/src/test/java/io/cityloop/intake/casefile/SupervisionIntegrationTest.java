package io.cityloop.intake.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import io.cityloop.intake.web.ClientAddress;
import io.cityloop.events.Actor;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventCodec;
import io.cityloop.events.CaseEventData;
import io.cityloop.events.CaseEventTopics;
import io.cityloop.events.Producers;
import io.cityloop.events.ReworkDispatched;
import io.cityloop.events.TaskAccepted;
import io.cityloop.events.TaskDispatched;
import io.cityloop.events.TaskHandled;
import io.cityloop.events.TimeLimit;
import io.cityloop.intake.IntakeIntegrationTestSupport;
import io.cityloop.intake.casefile.application.CaseFileStore;
import io.cityloop.intake.casefile.model.CaseStatus;
import io.cityloop.intake.support.TestImages;

/**
 * The supervision center end to end on the embedded MongoDB and Kafka: duplicates, the filing queue, auto-filing,
 * public reports, photos, verification with evidence, cancellation, queries and refused input. Each test reports at
 * its own spot of the city so the tests do not see each other's duplicates.
 */
class SupervisionIntegrationTest extends IntakeIntegrationTestSupport {

    private static final String QINDU = "district-610402";
    /** A fresh spot per report: 0.003° apart (about 300 m) along a line through 渭城区. */
    private static final AtomicInteger SPOT = new AtomicInteger();

    @Autowired
    private MockMvc mvc;
    @Autowired
    private KafkaTemplate<String, String> kafka;
    @Autowired
    private CaseEventCodec codec;
    @Autowired
    private CaseFileStore cases;

    private static double[] freshSpot() {
        int n = SPOT.incrementAndGet();
        return new double[] {108.725 + (n % 30) * 0.003, 34.31 + (n / 30) * 0.003 + 0.0005};
    }

    private static String body(String category, double lon, double lat, String extra) {
        return """
                {"categoryCode":"%s","description":"现场问题描述","location":{"lon":%s,"lat":%s}%s}"""
                .formatted(category, lon, lat, extra);
    }

    private ResultActions report(RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(post("/api/cases").with(who).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String created(ResultActions result) throws Exception {
        return JsonPath.read(result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
                "$.id");
    }

    private ResultActions filing(String id, RequestPostProcessor who, String decision) throws Exception {
        return mvc.perform(post("/api/cases/{id}/filing", id).with(who).contentType(MediaType.APPLICATION_JSON)
                .content(decision));
    }

    @Test
    void aNearbyReportOfTheSameCategoryIsFlaggedMergedCreditedAndUnmergedOnlyByAShiftLead() throws Exception {
        double[] at = freshSpot();
        String master = created(report(as("inspector", "inspector"), body("02-05-05", at[0], at[1], "")));
        String duplicate = JsonPath.read(mvc.perform(post("/api/public/reports")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .header(ClientAddress.HEADER, "203.0.113.7").header("X-CityLoop-Edge", EDGE_SECRET)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("02-05-05", at[0] + 0.0002, at[1] + 0.0001, "")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("REPORTED"))
                .andReturn().getResponse().getContentAsString(), "$.id");
        String elsewhere = created(report(as("inspector", "inspector"), body("02-05-05", at[0], at[1] + 0.001, "")));

        mvc.perform(get("/api/cases/{id}", duplicate).with(as("operator", "operator")))
                .andExpect(jsonPath("$.source").value("PUBLIC"))
                .andExpect(jsonPath("$.probableDuplicates", contains(master)));
        mvc.perform(get("/api/cases/{id}", elsewhere).with(as("operator", "operator")))
                .andExpect(jsonPath("$.probableDuplicates", empty()));

        filing(duplicate, as("operator", "operator"),
                "{\"decision\":\"MERGE\",\"masterCaseId\":\"" + master + "\",\"note\":\"同一烧烤摊\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("MERGED"))
                .andExpect(jsonPath("$.masterCaseId").value(master))
                .andExpect(jsonPath("$.filingOnTime").value(true));
        mvc.perform(get("/api/cases/{id}", master).with(as("operator", "operator")))
                .andExpect(jsonPath("$.coReporters", contains("public")));
        filing(duplicate, as("operator", "operator"), "{\"decision\":\"FILE\"}").andExpect(status().isConflict());

        mvc.perform(post("/api/cases/{id}/unmerge", duplicate).with(as("operator", "operator"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"不是同一处\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/cases/{id}/unmerge", duplicate).with(as("shiftlead", "shift-lead"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"不是同一处\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REPORTED"))
                .andExpect(jsonPath("$.timeline[-1].type").value("unmerged"));
        mvc.perform(get("/api/cases/{id}", master).with(as("operator", "operator")))
                .andExpect(jsonPath("$.coReporters", empty()));
    }

    @Test
    void aMergeNeedsAnOpenMasterThatExists() throws Exception {
        double[] at = freshSpot();
        String report = created(report(as("inspector", "inspector"), body("02-01-03", at[0], at[1], "")));

        filing(report, as("operator", "operator"), "{\"decision\":\"MERGE\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("masterCaseId"));
        filing(report, as("operator", "operator"), "{\"decision\":\"MERGE\",\"masterCaseId\":\"CL20991231000001\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("known-case"));
        filing(report, as("operator", "operator"), "{\"decision\":\"MERGE\",\"masterCaseId\":\"" + report + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("not-self"));
    }

    @Test
    void theFilingQueuePutsUrgentReportsFirstThenTheOldest() throws Exception {
        double[] a = freshSpot();
        double[] b = freshSpot();
        double[] c = freshSpot();
        String ordinaryFirst = created(report(as("inspector", "inspector"), body("01-02-08", a[0], a[1], "")));
        String quick = created(report(as("inspector", "inspector"), body("02-01-01", b[0], b[1], "")));
        String urgent = created(report(as("inspector", "inspector"), body("02-04-01", c[0], c[1], "")));

        String queue = mvc.perform(get("/api/cases/filing-queue").param("limit", "200")
                        .with(as("operator", "operator")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> ids = JsonPath.read(queue, "$[*].id");

        assertThat(ids.indexOf(urgent)).isNotNegative().isLessThan(ids.indexOf(quick));
        assertThat(ids.indexOf(quick)).isLessThan(ids.indexOf(ordinaryFirst));
        List<String> urgencies = JsonPath.read(queue, "$[*].urgency");
        assertThat(urgencies.indexOf("URGENT")).isLessThanOrEqualTo(urgencies.indexOf("QUICK"));
    }

    @Test
    void aGasSensorAboveItsThresholdIsFiledWithoutAnOperator() throws Exception {
        double[] at = freshSpot();
        report(as("operator", "operator"), body("02-04-03", at[0], at[1],
                ",\"source\":\"SENSOR\",\"deviceId\":\"gas-0417\",\"reading\":38.5"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("FILED"))
                .andExpect(jsonPath("$.source").value("SENSOR"))
                .andExpect(jsonPath("$.origin.deviceId").value("gas-0417"))
                .andExpect(jsonPath("$.timeline[1].actor").value("auto-filing"));
        double[] low = freshSpot();
        report(as("operator", "operator"), body("02-04-03", low[0], low[1],
                ",\"source\":\"SENSOR\",\"deviceId\":\"gas-0418\",\"reading\":8"))
                .andExpect(jsonPath("$.status").value("REPORTED"));
        report(as("inspector", "inspector"), body("02-04-03", low[0], low[1], ",\"source\":\"SENSOR\""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("source"));
    }

    @Test
    void aCallersNameAndPhoneAreShownToOperatorsOnlyAndMaskedForEveryoneElse() throws Exception {
        double[] at = freshSpot();
        String id = created(report(as("operator", "operator"), body("02-05-01", at[0], at[1],
                ",\"caller\":{\"name\":\"王女士\",\"phone\":\"13800001234\"}")));

        mvc.perform(get("/api/cases/{id}", id).with(as("shiftlead", "operator", "shift-lead")))
                .andExpect(jsonPath("$.origin.callerName").value("王女士"))
                .andExpect(jsonPath("$.origin.callerPhone").value("13800001234"));
        for (RequestPostProcessor reader : List.of(as("inspector", "inspector"), as("dispatcher", "dispatcher"),
                as("supervisor", "supervisor"), as("admin", "admin"))) {
            mvc.perform(get("/api/cases/{id}", id).with(reader))
                    .andExpect(jsonPath("$.origin.callerName").value("王*"))
                    .andExpect(jsonPath("$.origin.callerPhone").value("138****1234"));
        }
        mvc.perform(get("/api/cases/near").with(as("inspector", "inspector"))
                        .param("lon", String.valueOf(at[0])).param("lat", String.valueOf(at[1])).param("radius", "50"))
                .andExpect(jsonPath("$[?(@.caseFile.id == '" + id + "')].caseFile.origin.callerPhone")
                        .value(org.hamcrest.Matchers.contains("138****1234")));
    }

    @Test
    void aClientHeaderFromAroundTheGatewayIsIgnoredSoTheHourlyLimitHolds() throws Exception {
        double[] at = freshSpot();
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 12; i++) {
            int status = mvc.perform(post("/api/public/reports").with(request -> {
                        request.setRemoteAddr("192.0.2.77");
                        return request;
                    })
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .header(ClientAddress.HEADER, "198.18.0." + i)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body("02-05-05", at[0] + i * 0.00001, at[1], "")))
                    .andReturn().getResponse().getStatus();
            if (status == 201) {
                accepted++;
            } else if (status == 429) {
                refused++;
            }
        }
        org.assertj.core.api.Assertions.assertThat(accepted).as("the hourly allowance of one caller").isEqualTo(10);
        org.assertj.core.api.Assertions.assertThat(refused).isEqualTo(2);
    }

    @Test
    void anOversizedBodyIsRefused413BeforeItIsParsed() throws Exception {
        String huge = "{\"categoryCode\":\"02-01-01\",\"description\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        mvc.perform(post("/api/public/reports").header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON).content(huge))
                .andExpect(status().is(413))
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].rule").value("max-size"));
    }

    @Test
    void theHotlineReportsForACallerAndOnlyAShiftLeadCancelsBeforeDispatch() throws Exception {
        double[] at = freshSpot();
        String id = created(report(as("operator", "operator"), body("02-05-01", at[0], at[1],
                ",\"caller\":{\"name\":\"王女士\",\"phone\":\"13800000000\"}")));
        mvc.perform(get("/api/cases/{id}", id).with(as("operator", "operator")))
                .andExpect(jsonPath("$.source").value("HOTLINE"))
                .andExpect(jsonPath("$.origin.callerName").value("王女士"));

        mvc.perform(post("/api/cases/{id}/cancellation", id).with(as("operator", "operator"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"误报\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/cases/{id}/cancellation", id).with(as("shiftlead", "shift-lead"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"来电人撤回\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));

        String dispatched = dispatchedCase();
        mvc.perform(post("/api/cases/{id}/cancellation", dispatched).with(as("shiftlead", "shift-lead"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"已派遣\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void anOperatorAsksForInformationAndTheReporterAnswers() throws Exception {
        double[] at = freshSpot();
        String id = created(report(as("inspector", "inspector"), body("02-01-08", at[0], at[1], "")));

        filing(id, as("operator", "operator"), "{\"decision\":\"REQUEST_INFO\",\"note\":\"请补充堆放面积\"}")
                .andExpect(jsonPath("$.status").value("INFO_REQUESTED"));
        mvc.perform(post("/api/cases/{id}/information", id).with(as("inspector-2", "inspector"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"约3平方米\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/cases/{id}/information", id).with(as("inspector", "inspector"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"约3平方米\"}"))
                .andExpect(jsonPath("$.status").value("REPORTED"));
        filing(id, as("operator", "operator"), "{\"decision\":\"FILE\"}").andExpect(jsonPath("$.status").value("FILED"));
    }

    @Test
    void photosAreStoredOnceWithTheirHashLimitedAndServedOnlyToThoseWhoMayReadTheCase() throws Exception {
        double[] at = freshSpot();
        String id = created(report(as("inspector", "inspector"), body("02-01-01", at[0], at[1], "")));
        byte[] jpeg = TestImages.jpegWithGps(108.7521, 34.3530, 1);

        String uploaded = upload(id, jpeg, "IMG_0001.jpg", "image/jpeg")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("image/jpeg"))
                .andExpect(jsonPath("$.sha256").isString())
                .andExpect(jsonPath("$.lat").value(org.hamcrest.Matchers.closeTo(34.3530, 1e-4)))
                .andExpect(jsonPath("$.lon").value(org.hamcrest.Matchers.closeTo(108.7521, 1e-4)))
                .andReturn().getResponse().getContentAsString();
        String photoId = JsonPath.read(uploaded, "$.id");
        upload(id, jpeg, "again.jpg", "image/jpeg").andExpect(jsonPath("$.id").value(photoId));
        uploadEncoded(id, "{\"file\":\"" + Base64.getEncoder().encodeToString(jpeg) + "\"}")
                .andExpect(jsonPath("$.id").value(photoId));
        uploadEncoded(id, "{\"file\":\"%%% not base64 %%%\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].rule").value("base64"));
        uploadEncoded(id, "{\"file\":\"" + Base64.getEncoder().encodeToString("plain text".getBytes()) + "\"}")
                .andExpect(status().isUnsupportedMediaType());
        uploadEncoded(id, "{\"stage\":\"LATER\",\"file\":\"" + Base64.getEncoder().encodeToString(jpeg) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("stage"));

        mvc.perform(get("/api/cases/{id}/photos/{photo}", id, photoId).with(as("operator", "operator")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"))
                .andExpect(content().bytes(jpeg));
        mvc.perform(get("/api/cases/{id}/photos/{photo}", id, photoId).with(unit("dept-16")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/cases/{id}/photos/{photo}", id, photoId))
                .andExpect(status().isUnauthorized());

        upload(id, "not an image at all".getBytes(), "note.jpg", "image/jpeg")
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(TestImages.png(9), 0, huge, 0, 8);
        upload(id, huge, "huge.png", "image/png")
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.errors[0].rule").value("max-size"));

        for (int seed = 2; seed <= 6; seed++) {
            upload(id, TestImages.png(seed), "p" + seed + ".png", "image/png").andExpect(status().isCreated());
        }
        upload(id, TestImages.png(7), "p7.png", "image/png")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("max-count"));
        mvc.perform(get("/api/cases/{id}", id).with(as("operator", "operator")))
                .andExpect(jsonPath("$.photos", hasSize(6)));
    }

    private ResultActions uploadEncoded(String caseId, String json) throws Exception {
        return mvc.perform(post("/api/cases/{id}/photos", caseId).with(as("inspector", "inspector"))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions upload(String caseId, byte[] bytes, String name, String type) throws Exception {
        return mvc.perform(multipart("/api/cases/{id}/photos", caseId)
                .file(new MockMultipartFile("file", name, type, bytes)).with(as("inspector", "inspector")));
    }

    @Test
    void aFailedCheckWithAPhotoGoesToReworkAndAPassingOneCloses() throws Exception {
        String id = dispatchedCase();
        String taskId = "T" + id + "-01";
        publish(taskId, 2, new TaskAccepted(id, taskId, QINDU, new Actor(QINDU, "department")));
        publish(taskId, 3, new TaskHandled(id, taskId, QINDU, "已清运", null, Instant.parse("2026-11-24T09:00:00Z"),
                true, new Actor(QINDU, "department")));
        awaitStatus(id, CaseStatus.VERIFYING);

        mvc.perform(post("/api/cases/{id}/verification", id).with(as("inspector", "inspector"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"result\":\"FAIL\",\"note\":\"仍有残留垃圾\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("photoIds"))
                .andExpect(jsonPath("$.errors[0].rule").value("required"));
        String failPhoto = JsonPath.read(upload(id, TestImages.jpeg(21), "fail.jpg", "image/jpeg")
                .andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/cases/{id}/verification", id).with(as("inspector", "inspector"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"result\":\"FAIL\",\"note\":\"仍有残留垃圾\",\"photoIds\":[\"" + failPhoto + "\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REWORK"))
                .andExpect(jsonPath("$.reworkCount").value(1))
                .andExpect(jsonPath("$.verification.photoIds", contains(failPhoto)));

        publish(taskId, 4, new ReworkDispatched(id, taskId, QINDU, Instant.parse("2026-11-25T09:00:00Z"), 1,
                Actor.system("auto-routing")));
        publish(taskId, 5, new TaskHandled(id, taskId, QINDU, "已二次清理", null, Instant.parse("2026-11-25T09:00:00Z"),
                true, new Actor(QINDU, "department")));
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.find(id).orElseThrow().status() == CaseStatus.VERIFYING
                && cases.find(id).orElseThrow().verification().isOpen());

        mvc.perform(post("/api/cases/{id}/verification", id).with(as("inspector", "inspector"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"result\":\"PASS\",\"note\":\"已清理\",\"photoIds\":[\"0123456789abcdef01234567\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("known-photo"));
        String passPhoto = JsonPath.read(mvc.perform(post("/api/cases/{id}/photos", id).with(as("inspector", "inspector"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"stage\":\"VERIFICATION\",\"file\":\""
                                + Base64.getEncoder().encodeToString(TestImages.jpeg(22)) + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("image/jpeg"))
                .andExpect(jsonPath("$.stage").value("VERIFICATION"))
                .andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/cases/{id}/verification", id).with(as("inspector", "inspector"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"result\":\"PASS\",\"note\":\"已清理\",\"photoIds\":[\"" + passPhoto + "\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.reworkCount").value(1));
        mvc.perform(get("/api/cases/{id}/timeline", id).with(as("supervisor", "supervisor")))
                .andExpect(jsonPath("$[*].type", hasItem("rework-required")))
                .andExpect(jsonPath("$[-1].type").value("closed"));
    }

    @Test
    void theCaseListFiltersPagesAndCountsAndNearFindsByDistance() throws Exception {
        double[] at = freshSpot();
        String first = created(report(as("inspector", "inspector"), body("02-05-06", at[0], at[1], "")));
        String second = created(report(as("inspector", "inspector"), body("02-05-06", at[0] + 0.002, at[1], "")));
        String street = JsonPath.read(mvc.perform(get("/api/cases/{id}", first).with(as("operator", "operator")))
                .andReturn().getResponse().getContentAsString(), "$.streetCode");

        mvc.perform(get("/api/cases").with(as("supervisor", "supervisor")).param("category", "02-05-06")
                        .param("district", "610404").param("source", "INSPECTOR").param("status", "REPORTED")
                        .param("sort", "reportedAt").param("order", "asc").param("size", "1").param("page", "1"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "2"))
                .andExpect(jsonPath("$[*].id", contains(second)));
        mvc.perform(get("/api/cases").with(as("supervisor", "supervisor")).param("street", street)
                        .param("category", "02-05-06").param("from", "2020-01-01T00:00:00Z"))
                .andExpect(jsonPath("$[*].id", hasItem(first)));
        mvc.perform(get("/api/cases").with(as("supervisor", "supervisor")).param("category", "02-05-06")
                        .param("source", "PUBLIC"))
                .andExpect(header().string("X-Total-Count", "0"));
        mvc.perform(get("/api/cases").with(as("supervisor", "supervisor")).param("overdue", "false")
                        .param("category", "02-05-06"))
                .andExpect(header().string("X-Total-Count", "2"));

        mvc.perform(get("/api/cases/near").with(as("inspector", "inspector")).param("lon", String.valueOf(at[0]))
                        .param("lat", String.valueOf(at[1])).param("radius", "100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].caseFile.id").value(first))
                .andExpect(jsonPath("$[0].distanceMetres").value(lessThan(1.0)))
                .andExpect(jsonPath("$[*].caseFile.id", org.hamcrest.Matchers.not(hasItem(second))));
        mvc.perform(get("/api/cases/near").with(as("inspector", "inspector")).param("lon", "108.7")
                        .param("lat", "34.3").param("radius", "5000"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("radius"));
    }

    @Test
    void injectionAttemptsAndBadFiltersAreRefusedAndNothingIsStored() throws Exception {
        long before = total();
        double[] at = freshSpot();
        report(as("inspector", "inspector"), """
                {"categoryCode":"02-01-01","description":"{\\"$gt\\": \\"\\"}","location":{"lon":%s,"lat":%s}}"""
                .formatted(at[0], at[1]))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("description"))
                .andExpect(jsonPath("$.errors[0].rule").value("plain-text"));
        report(as("inspector", "inspector"), """
                {"categoryCode":{"$ne":null},"description":"暴露垃圾","location":{"lon":%s,"lat":%s}}"""
                .formatted(at[0], at[1]))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("categoryCode"));
        report(as("inspector", "inspector"), body("02-01-01", at[0], at[1], ",\"address\":\"$where: sleep(1000)\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("address"));
        mvc.perform(post("/api/cases").with(as("inspector", "inspector")).header("Idempotency-Key", "{$ne:1}")
                        .contentType(MediaType.APPLICATION_JSON).content(body("02-01-01", at[0], at[1], "")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        mvc.perform(get("/api/cases").with(as("supervisor", "supervisor")).param("district", "{\"$ne\":null}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("district"));
        mvc.perform(get("/api/cases").with(as("supervisor", "supervisor")).param("status", "BOGUS"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
        report(as("inspector", "inspector"), body("02-01-01", 108.60, 34.35, ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("inside-city"));

        assertThat(total()).isEqualTo(before);
    }

    @Test
    void textThatIsNotTextAndDatesNoDatabaseHoldsAreRefusedAndNothingIsStored() throws Exception {
        long before = total();
        double[] at = freshSpot();
        report(as("inspector", "inspector"), body("02-01-01", at[0], at[1], ",\"address\":\"人民路\\u0000\\u001b[31m\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("address"))
                .andExpect(jsonPath("$.errors[0].rule").value("plain-text"));
        mvc.perform(post("/api/public/reports").header("Idempotency-Key", UUID.randomUUID().toString())
                        .header(ClientAddress.HEADER, "198.51.100.40").header("X-CityLoop-Edge", EDGE_SECRET).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"categoryCode":"02-01-01","description":"垃圾\u202Egpj.exe","location":{"lon":%s,"lat":%s}}"""
                                .formatted(at[0], at[1])))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("description"))
                .andExpect(jsonPath("$.errors[0].rule").value("plain-text"));
        mvc.perform(post("/api/public/reports").header("Idempotency-Key", UUID.randomUUID().toString())
                        .header(ClientAddress.HEADER, "198.51.100.40").header("X-CityLoop-Edge", EDGE_SECRET).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"categoryCode":"02-01-01","description":"垃圾\\ud800","location":{"lon":%s,"lat":%s}}"""
                                .formatted(at[0], at[1])))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("description"));
        mvc.perform(get("/api/cases").with(as("supervisor", "supervisor")).param("from", "+999999999-12-31T00:00:00Z"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].rule").value("range"));
        mvc.perform(get("/api/cases").with(as("supervisor", "supervisor")).param("to", "-999999999-01-01T00:00:00Z"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));

        assertThat(total()).isEqualTo(before);
    }

    @Test
    void anonymousCitizensReportWithoutATokenButNotWithoutLimit() throws Exception {
        double[] at = freshSpot();
        String key = UUID.randomUUID().toString();
        String first = JsonPath.read(publicReport(key, "198.51.100.1", at).andExpect(status().isCreated())
                .andExpect(jsonPath("$.reportedBy").doesNotExist())
                .andReturn().getResponse().getContentAsString(), "$.id");
        publicReport(key, "198.51.100.1", at).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(first));
        mvc.perform(get("/api/public/reports/{id}", first)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REPORTED"));
        mvc.perform(post("/api/public/reports").contentType(MediaType.APPLICATION_JSON)
                        .content(body("02-02-01", at[0], at[1], "")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));

        for (int i = 2; i <= 10; i++) {
            publicReport(UUID.randomUUID().toString(), "198.51.100.1", at).andExpect(status().isCreated());
        }
        publicReport(UUID.randomUUID().toString(), "198.51.100.1", at)
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        publicReport(UUID.randomUUID().toString(), "198.51.100.2", at).andExpect(status().isCreated());
        mvc.perform(get("/api/cases").with(as("supervisor", "supervisor")).param("source", "PUBLIC")
                        .param("category", "02-02-01"))
                .andExpect(header().string("X-Total-Count", "11"));
    }

    private ResultActions publicReport(String key, String client, double[] at) throws Exception {
        return mvc.perform(post("/api/public/reports").header("Idempotency-Key", key)
                .header(ClientAddress.HEADER, client).header("X-CityLoop-Edge", EDGE_SECRET)
                .contentType(MediaType.APPLICATION_JSON).content(body("02-02-01", at[0], at[1], "")));
    }

    private long total() throws Exception {
        return Long.parseLong(mvc.perform(get("/api/cases").with(as("supervisor", "supervisor")).param("size", "1"))
                .andReturn().getResponse().getHeader("X-Total-Count"));
    }

    /** A 暴露垃圾 case in 秦都区, filed and dispatched by a TaskDispatched event. */
    private String dispatchedCase() throws Exception {
        double[] at = freshSpot();
        String id = created(report(as("inspector", "inspector"), body("02-01-01", at[0] - 0.1, at[1], "")));
        filing(id, as("operator", "operator"), "{\"decision\":\"FILE\"}").andExpect(status().isOk());
        String taskId = "T" + id + "-01";
        publish(taskId, 1, new TaskDispatched(id, taskId, QINDU, "秦都区", "02-01-01", "610402",
                "6104020050030184", Instant.parse("2026-11-24T09:00:00Z"), new TimeLimit(1, "WORKING_DAYS"),
                Actor.system("auto-routing")));
        awaitStatus(id, CaseStatus.DISPATCHED);
        return id;
    }

    private void awaitStatus(String id, CaseStatus expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.find(id).orElseThrow().status() == expected);
    }

    private void publish(String taskId, long sequence, CaseEventData data) throws Exception {
        CaseEvent event = CaseEvent.of(Producers.DISPATCH, taskId, sequence, Instant.parse("2026-11-23T02:00:00Z")
                .plusSeconds(sequence * 600), data);
        kafka.send(CaseEventTopics.CASE_EVENTS, data.caseId(), codec.encode(event)).get();
    }
}
