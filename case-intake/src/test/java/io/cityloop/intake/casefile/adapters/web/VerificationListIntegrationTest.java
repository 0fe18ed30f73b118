package io.cityloop.intake.casefile.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import io.cityloop.events.Actor;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventCodec;
import io.cityloop.events.CaseEventData;
import io.cityloop.events.CaseEventTopics;
import io.cityloop.events.Producers;
import io.cityloop.events.TaskAccepted;
import io.cityloop.events.TaskDispatched;
import io.cityloop.events.TaskHandled;
import io.cityloop.events.TimeLimit;
import io.cityloop.intake.IntakeIntegrationTestSupport;
import io.cityloop.intake.casefile.application.CaseFileStore;
import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.CaseStatus;
import io.cityloop.reference.CityReference;

/** 核查任务 over HTTP: an open check shows the working time left, the place, the description and the unit. */
class VerificationListIntegrationTest extends IntakeIntegrationTestSupport {

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
    private CityReference city;
    @Autowired
    private Clock clock;

    @Test
    void anOpenCheckShowsTheWorkingMinutesLeftWhereWhatAndWhichUnit() throws Exception {
        String id = verifyingCase(108.6931, 34.3458, "秦都区渭阳西路人行道暴露垃圾约2平方米");
        CaseFile file = cases.find(id).orElseThrow();
        Instant before = clock.instant();

        String body = mvc.perform(get("/api/verifications").with(as("inspector", "inspector")).param("limit", "200"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].caseId", hasItem(id)))
                .andReturn().getResponse().getContentAsString();
        Instant after = clock.instant();
        String item = "$[?(@.caseId == '" + id + "')]";
        assertField(body, item + ".lon", 108.6931);
        assertField(body, item + ".lat", 34.3458);
        assertField(body, item + ".description", "秦都区渭阳西路人行道暴露垃圾约2平方米");
        assertField(body, item + ".dispatchedUnitId", QINDU);
        assertField(body, item + ".unitName", "秦都区");
        assertField(body, item + ".taskId", "T" + id + "-01");
        List<Number> minutes = JsonPath.read(body, item + ".remainingWorkingMinutes");
        long lowest = VerificationItem.remainingWorkingMinutes(city.calendar(), file.verification().dueBy(), after);
        long highest = VerificationItem.remainingWorkingMinutes(city.calendar(), file.verification().dueBy(), before);
        assertThat(minutes).hasSize(1);
        assertThat(minutes.get(0).longValue()).isBetween(lowest, highest);

        mvc.perform(get("/api/verifications").with(as("shiftlead", "shift-lead", "operator")).param("limit", "200"))
                .andExpect(status().isOk())
                .andExpect(jsonPath(item + ".dispatchedUnitId", contains(QINDU)));
    }

    private static void assertField(String body, String path, Object expected) {
        List<Object> values = JsonPath.read(body, path);
        assertThat(values).as(path).containsExactly(expected);
    }

    private String verifyingCase(double lon, double lat, String description) throws Exception {
        String body = """
                {"categoryCode":"02-01-01","description":"%s","location":{"lon":%s,"lat":%s},"address":"秦都区渭阳西路"}"""
                .formatted(description, lon, lat);
        String id = JsonPath.read(mvc.perform(post("/api/cases").with(as("inspector", "inspector"))
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/cases/{id}/filing", id).with(as("operator", "operator"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"FILE\"}"))
                .andExpect(status().isOk());
        String taskId = "T" + id + "-01";
        publish(taskId, 1, new TaskDispatched(id, taskId, QINDU, "秦都区", "02-01-01", "610402",
                "6104020060020154", Instant.parse("2026-11-24T09:00:00Z"), new TimeLimit(1, "WORKING_DAYS"),
                Actor.system("auto-routing")));
        publish(taskId, 2, new TaskAccepted(id, taskId, QINDU, new Actor(QINDU, "department")));
        publish(taskId, 3, new TaskHandled(id, taskId, QINDU, "已清运，地面已冲洗", null,
                Instant.parse("2026-11-24T09:00:00Z"), true, new Actor(QINDU, "department")));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> cases.find(id).orElseThrow().status() == CaseStatus.VERIFYING);
        return id;
    }

    private void publish(String taskId, long sequence, CaseEventData data) throws Exception {
        CaseEvent event = CaseEvent.of(Producers.DISPATCH, taskId, sequence, Instant.parse("2026-11-23T02:00:00Z")
                .plusSeconds(sequence * 600), data);
        kafka.send(CaseEventTopics.CASE_EVENTS, data.caseId(), codec.encode(event)).get();
    }
}
