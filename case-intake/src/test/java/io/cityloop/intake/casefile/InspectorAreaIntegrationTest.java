package io.cityloop.intake.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
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
import io.cityloop.intake.casefile.application.IntakeSettings;
import io.cityloop.intake.casefile.model.CaseStatus;
import io.cityloop.intake.grid.UnitCellGrid;

/** 责任网格: the on-site check goes to the inspector of the area of the case's cell, as the city configured it. */
class InspectorAreaIntegrationTest extends IntakeIntegrationTestSupport {

    private static final String XINGPING = "district-610481";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private KafkaTemplate<String, String> kafka;
    @Autowired
    private CaseEventCodec codec;
    @Autowired
    private CaseFileStore cases;
    @Autowired
    private IntakeSettings settings;
    @Autowired
    private UnitCellGrid grid;

    @Test
    void everyShippedInspectorAreaHasAnInspectorInTheConfiguration() {
        assertThat(grid.inspectorAreas()).hasSize(40);
        assertThat(settings.inspectorAreas().keySet()).containsAll(grid.inspectorAreas());
        grid.inspectorAreas().stream().filter(area -> !area.equals(XINGPING_WEST_AREA)).forEach(area ->
                assertThat(settings.inspectorAreas()).as(area).containsEntry(area, "inspector"));
    }

    @Test
    void theCheckGoesToTheInspectorOfTheCellsAreaNotTheDistrictsFirst() throws Exception {
        String caseId = JsonPath.read(mvc.perform(post("/api/cases").with(as("inspector", "inspector"))
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"categoryCode":"02-01-02","description":"西城街道路边积存建筑渣土约1立方米",
                                 "location":{"lon":108.4908,"lat":34.2869}}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.districtCode").value("610481"))
                .andExpect(jsonPath("$.inspectorArea").value(XINGPING_WEST_AREA))
                .andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/cases/{id}/filing", caseId).with(as("operator", "operator"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"FILE\"}"))
                .andExpect(status().isOk());

        String taskId = "T" + caseId + "-01";
        Instant deadline = Instant.parse("2026-11-24T09:00:00Z");
        String cell = cases.find(caseId).orElseThrow().location().cellCode();
        publish(taskId, 1, new TaskDispatched(caseId, taskId, XINGPING, "兴平市", "02-01-02", "610481", cell,
                deadline, new TimeLimit(1, "WORKING_DAYS"), Actor.system("auto-routing")));
        publish(taskId, 2, new TaskAccepted(caseId, taskId, XINGPING, new Actor(XINGPING, "department")));
        publish(taskId, 3, new TaskHandled(caseId, taskId, XINGPING, "渣土已清运", null, deadline, true,
                new Actor(XINGPING, "department")));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> cases.find(caseId).orElseThrow().status() == CaseStatus.VERIFYING);

        assertThat(cases.find(caseId).orElseThrow().verification().assignee()).isEqualTo(XINGPING_INSPECTOR);
        mvc.perform(get("/api/verifications").with(as(XINGPING_INSPECTOR, "inspector")))
                .andExpect(jsonPath("$[*].caseId", hasItem(caseId)));
        mvc.perform(get("/api/verifications").with(as("inspector", "inspector")))
                .andExpect(jsonPath("$[*].caseId", not(hasItem(caseId))));
        mvc.perform(post("/api/cases/{id}/verification", caseId).with(as("inspector", "inspector"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"result\":\"FAIL\",\"note\":\"仍有渣土\"}"))
                .andExpect(status().isForbidden());
    }

    private void publish(String taskId, long sequence, CaseEventData data) throws Exception {
        CaseEvent event = CaseEvent.of(Producers.DISPATCH, taskId, sequence, Instant.parse("2026-11-23T02:00:00Z")
                .plusSeconds(sequence * 600), data);
        kafka.send(CaseEventTopics.CASE_EVENTS, data.caseId(), codec.encode(event)).get();
    }
}
