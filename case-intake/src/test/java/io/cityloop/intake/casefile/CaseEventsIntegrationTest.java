package io.cityloop.intake.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import io.cityloop.events.Actor;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventCodec;
import io.cityloop.events.CaseEventData;
import io.cityloop.events.CaseEventTopics;
import io.cityloop.events.CaseEventType;
import io.cityloop.events.CaseFiled;
import io.cityloop.events.CategoryTerms;
import io.cityloop.events.Producers;
import io.cityloop.events.ReworkRequired;
import io.cityloop.events.TaskAccepted;
import io.cityloop.events.TaskDispatched;
import io.cityloop.events.TaskHandled;
import io.cityloop.events.TimeLimit;
import io.cityloop.intake.IntakeIntegrationTestSupport;
import io.cityloop.intake.PublishedCaseEvents;
import io.cityloop.intake.casefile.application.CaseFileStore;
import io.cityloop.intake.casefile.model.CaseStatus;
import io.cityloop.intake.support.TestImages;

/** The command center's events move the case; the supervision center's decisions appear on the topic. */
class CaseEventsIntegrationTest extends IntakeIntegrationTestSupport {

    private static final String QINDU = "district-610402";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private KafkaTemplate<String, String> kafka;
    @Autowired
    private CaseEventCodec codec;
    @Autowired
    private CaseFileStore cases;

    @Autowired
    private io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void aDispatchForACaseThatDoesNotExistIsRefusedLoggedAndCounted() throws Exception {
        String caseId = "XY2099010100" + UUID.randomUUID().toString().substring(0, 4);
        String taskId = "T" + caseId + "-01";
        double before = refused("unknown-case");

        publish(taskId, 1, new TaskDispatched(caseId, taskId, QINDU, "秦都区", "02-01-01", "610402",
                "6104020050030184", Instant.parse("2026-11-24T09:00:00Z"), new TimeLimit(1, "WORKING_DAYS"),
                Actor.system("auto-routing")));

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> refused("unknown-case") > before);
        assertThat(cases.find(caseId)).isEmpty();
    }

    private double refused(String reason) {
        io.micrometer.core.instrument.Counter counter = meters.find("cityloop_events_refused_total")
                .tags("service", "case-intake", "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void dispatchEventsBringTheCaseToVerificationAndARedeliveryChangesNothing() throws Exception {
        String caseId = filedCase();
        String taskId = "T" + caseId + "-01";
        Instant deadline = Instant.parse("2026-11-24T09:00:00Z");

        CaseEvent dispatched = publish(taskId, 1, new TaskDispatched(caseId, taskId, QINDU, "秦都区", "02-01-01",
                "610402", "6104020050030184", deadline, new TimeLimit(1, "WORKING_DAYS"), Actor.system("auto-routing")));
        publish(taskId, 2, new TaskAccepted(caseId, taskId, QINDU, new Actor(QINDU, "department")));
        CaseEvent handled = publish(taskId, 3, new TaskHandled(caseId, taskId, QINDU, "已清运，地面已冲洗", "photo-1",
                deadline, true, new Actor(QINDU, "department")));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> cases.find(caseId).orElseThrow().status() == CaseStatus.VERIFYING);
        var verifying = cases.find(caseId).orElseThrow();
        assertThat(verifying.verification().assignee()).isEqualTo("inspector");
        assertThat(verifying.currentTask().unitId()).isEqualTo(QINDU);
        int entries = verifying.timeline().size();

        kafka.send(CaseEventTopics.CASE_EVENTS, caseId, codec.encode(dispatched)).get();
        kafka.send(CaseEventTopics.CASE_EVENTS, caseId, codec.encode(handled)).get();
        String marker = filedCase();
        publish("T" + marker + "-01", 1, new TaskDispatched(marker, "T" + marker + "-01", QINDU, "秦都区", "02-01-01",
                "610402", "6104020050030184", deadline, new TimeLimit(1, "WORKING_DAYS"), Actor.system("auto-routing")));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> cases.find(marker).orElseThrow().status() == CaseStatus.DISPATCHED);

        assertThat(cases.find(caseId).orElseThrow().timeline()).hasSize(entries);
        mvc.perform(get("/api/cases/{id}", caseId).with(unit(QINDU)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VERIFYING"))
                .andExpect(jsonPath("$.timeline[2].type").value("dispatched"))
                .andExpect(jsonPath("$.timeline[2].source").value("dispatch"))
                .andExpect(jsonPath("$.timeline[5].type").value("verification-requested"));

        mvc.perform(get("/api/verifications").with(as("inspector", "inspector")))
                .andExpect(jsonPath("$[?(@.caseId == '" + caseId + "')].unitName").value("秦都区"));
    }

    @Test
    void theSupervisionCentersDecisionsArePublishedWithDeterministicIds() throws Exception {
        String caseId = filedCase();
        String taskId = "T" + caseId + "-01";
        Instant deadline = Instant.parse("2026-11-24T09:00:00Z");
        publish(taskId, 1, new TaskDispatched(caseId, taskId, QINDU, "秦都区", "02-01-01", "610402",
                "6104020050030184", deadline, new TimeLimit(1, "WORKING_DAYS"), Actor.system("auto-routing")));
        publish(taskId, 2, new TaskAccepted(caseId, taskId, QINDU, new Actor(QINDU, "department")));
        publish(taskId, 3, new TaskHandled(caseId, taskId, QINDU, "已清运", null, deadline, true,
                new Actor(QINDU, "department")));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> cases.find(caseId).orElseThrow().status() == CaseStatus.VERIFYING);

        mvc.perform(post("/api/cases/{id}/verification", caseId).with(as("inspector-2", "inspector"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"result\":\"PASS\"}"))
                .andExpect(status().isForbidden());
        String photo = JsonPath.read(mvc.perform(multipart("/api/cases/{id}/photos", caseId)
                        .file(new MockMultipartFile("file", "site.jpg", "image/jpeg", TestImages.jpeg(31)))
                        .param("stage", "VERIFICATION").with(as("inspector", "inspector")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/cases/{id}/verification", caseId).with(as("inspector", "inspector"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"result\":\"FAIL\",\"note\":\"现场仍有残留垃圾\",\"photoIds\":[\"" + photo + "\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REWORK"));

        List<CaseEvent> published = await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(caseId),
                events -> events.stream().anyMatch(e -> e.type() == CaseEventType.REWORK_REQUIRED));

        assertThat(published).filteredOn(e -> Producers.CASE_INTAKE.equals(e.source()))
                .extracting(CaseEvent::type)
                .containsExactly(CaseEventType.REPORTED, CaseEventType.FILED, CaseEventType.VERIFICATION_REQUESTED,
                        CaseEventType.REWORK_REQUIRED);
        CaseEvent rework = published.stream().filter(e -> e.type() == CaseEventType.REWORK_REQUIRED).findFirst()
                .orElseThrow();
        assertThat(rework.dataAs(ReworkRequired.class).unitId()).isEqualTo(QINDU);
        assertThat(rework.dataAs(ReworkRequired.class).reason()).isEqualTo("现场仍有残留垃圾");
        assertThat(rework.id()).isEqualTo(CaseEvent.deterministicId(caseId, Producers.CASE_INTAKE, caseId,
                rework.sequence()));
    }

    @Test
    void filingAComponentCaseNamesItsOwnerForRouting() throws Exception {
        String manhole = reported("01-01-06", "燃气井盖破损，有异味", 108.7520, 34.3530);
        String garbage = reported("02-01-01", "渭阳西路暴露垃圾", 108.7012, 34.3405);

        mvc.perform(post("/api/cases/{id}/filing", garbage).with(as("operator", "operator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"FILE\",\"componentOwner\":\"dept-17\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("componentOwner"))
                .andExpect(jsonPath("$.errors[0].rule").value("component-only"));
        mvc.perform(post("/api/cases/{id}/filing", manhole).with(as("operator", "operator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"FILE\",\"componentOwner\":\"dept-99\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("known-unit"));
        mvc.perform(post("/api/cases/{id}/filing", manhole).with(as("operator", "operator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"FILE\",\"componentOwner\":\"dept-17\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FILED"));

        List<CaseEvent> published = await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(manhole),
                events -> events.stream().anyMatch(e -> e.type() == CaseEventType.FILED));
        CaseFiled filed = published.stream().filter(e -> e.type() == CaseEventType.FILED).findFirst().orElseThrow()
                .dataAs(CaseFiled.class);
        assertThat(filed.componentOwner()).isEqualTo("dept-17");
        assertThat(filed.categoryCode()).isEqualTo("01-01-06");
        assertThat(filed.category()).isEqualTo(new CategoryTerms("01-01-06", "燃气井盖", "COMPONENT", "QUICK",
                new TimeLimit(1, "WORKING_DAYS"), 1, "dept-17", "2026.1"));
    }

    private String reported(String category, String description, double lon, double lat) throws Exception {
        String body = mvc.perform(post("/api/cases").with(as("inspector", "inspector"))
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"categoryCode\":\"" + category + "\",\"description\":\"" + description
                                + "\",\"location\":{\"lon\":" + lon + ",\"lat\":" + lat + "}}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private String filedCase() throws Exception {
        String body = mvc.perform(post("/api/cases").with(as("inspector", "inspector"))
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"categoryCode":"02-01-01","description":"渭阳西路暴露垃圾",
                                 "location":{"lon":108.7012,"lat":34.3405}}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String caseId = JsonPath.read(body, "$.id");
        mvc.perform(post("/api/cases/{id}/filing", caseId).with(as("operator", "operator"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"FILE\"}"))
                .andExpect(status().isOk());
        return caseId;
    }

    private CaseEvent publish(String taskId, long sequence, CaseEventData data) throws Exception {
        CaseEvent event = CaseEvent.of(Producers.DISPATCH, taskId, sequence, Instant.parse("2026-11-23T02:00:00Z")
                .plusSeconds(sequence * 600), data);
        kafka.send(CaseEventTopics.CASE_EVENTS, data.caseId(), codec.encode(event)).get();
        return event;
    }

    private static List<CaseEvent> eventsOf(String caseId) {
        return PublishedCaseEvents.of(caseId);
    }
}
