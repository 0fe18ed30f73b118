package io.cityloop.intake.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.cityloop.events.CaseConfirmed;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventType;
import io.cityloop.events.CaseRejected;
import io.cityloop.events.ConfirmationRequested;
import io.cityloop.intake.IntakeIntegrationTestSupport;
import io.cityloop.intake.PublishedCaseEvents;
import io.cityloop.intake.casefile.application.CaseFileStore;
import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.support.TestImages;
import io.cityloop.reference.CityReference;

/**
 * 核实 before filing, both ways, over HTTP and onto the topic: a report that did not come from an inspector goes to
 * the inspector of its cell's area (兴平市西城街道 has its own, {@code inspector-xingping}), who confirms it with a
 * photo (back to the filing queue, then filed) or refutes it (rejected as 核实不属实).
 */
class ConfirmationIntegrationTest extends IntakeIntegrationTestSupport {

    private static final double LON = 108.4908;
    private static final double LAT = 34.2869;

    @Autowired
    private MockMvc mvc;
    @Autowired
    private CaseFileStore cases;
    @Autowired
    private CityReference city;

    @Test
    void aHotlineReportConfirmedOnSiteGoesBackToFilingAndIsFiled() throws Exception {
        String id = hotlineReport("02-01-01", "来电反映西城街道路口暴露垃圾");

        decide(id, "{\"decision\":\"CONFIRM\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONFIRMING"))
                .andExpect(jsonPath("$.confirmation.assignee").value(XINGPING_INSPECTOR))
                .andExpect(jsonPath("$.confirmation.requestedBy").value("operator"))
                .andExpect(jsonPath("$.confirmation.dispatchedOnTime").value(true));
        CaseFile sent = cases.find(id).orElseThrow();
        assertThat(sent.confirmation().dueBy()).isEqualTo(city.calendar()
                .plusWorkingTime(sent.confirmation().requestedAt(), Duration.ofMinutes(30)));
        assertThat(sent.stageDueBy()).isEqualTo(sent.confirmation().dueBy());
        decide(id, "{\"decision\":\"FILE\"}").andExpect(status().isConflict());

        mvc.perform(get("/api/confirmations").with(as(XINGPING_INSPECTOR, "inspector")))
                .andExpect(jsonPath("$[*].caseId", hasItem(id)))
                .andExpect(jsonPath("$[?(@.caseId == '" + id + "')].source", hasItem("HOTLINE")));
        mvc.perform(get("/api/confirmations").with(as("inspector", "inspector")))
                .andExpect(jsonPath("$[*].caseId", not(hasItem(id))));
        mvc.perform(get("/api/confirmations").with(as("shiftlead", "shift-lead")))
                .andExpect(jsonPath("$[*].caseId", hasItem(id)));

        answer(id, "inspector", "{\"result\":\"CONFIRMED\",\"note\":\"属实\"}").andExpect(status().isForbidden());
        answer(id, XINGPING_INSPECTOR, "{\"result\":\"CONFIRMED\",\"note\":\"属实\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("photoIds"))
                .andExpect(jsonPath("$.errors[0].rule").value("required"));
        String photo = sitePhoto(id);
        answer(id, XINGPING_INSPECTOR, "{\"result\":\"CONFIRMED\",\"note\":\"现场属实，垃圾约2平方米\",\"photoIds\":[\""
                + photo + "\"]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REPORTED"))
                .andExpect(jsonPath("$.confirmation.result").value("CONFIRMED"))
                .andExpect(jsonPath("$.confirmation.answeredOnTime").value(true))
                .andExpect(jsonPath("$.confirmation.photoIds[0]").value(photo));
        decide(id, "{\"decision\":\"CONFIRM\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("once"));
        decide(id, "{\"decision\":\"FILE\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FILED"))
                .andExpect(jsonPath("$.filingOnTime").value(true));

        List<CaseEvent> events = eventsUntil(id, CaseEventType.FILED);
        assertThat(events).extracting(CaseEvent::type).containsSubsequence(CaseEventType.REPORTED,
                CaseEventType.CONFIRMATION_REQUESTED, CaseEventType.CONFIRMED, CaseEventType.FILED);
        ConfirmationRequested request = payload(events, CaseEventType.CONFIRMATION_REQUESTED,
                ConfirmationRequested.class);
        assertThat(request.assignee()).isEqualTo(XINGPING_INSPECTOR);
        assertThat(request.onTime()).isTrue();
        CaseConfirmed confirmed = payload(events, CaseEventType.CONFIRMED, CaseConfirmed.class);
        assertThat(confirmed.result()).isEqualTo("CONFIRMED");
        assertThat(confirmed.onTime()).isTrue();
        assertThat(confirmed.actor().id()).isEqualTo(XINGPING_INSPECTOR);
    }

    @Test
    void aReportRefutedOnSiteIsRejectedAsNotConfirmed() throws Exception {
        String id = hotlineReport("02-01-05", "来电反映西城街道水面漂浮垃圾");
        decide(id, "{\"decision\":\"CONFIRM\"}").andExpect(status().isOk());

        answer(id, XINGPING_INSPECTOR, "{\"result\":\"REFUTED\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("note"));
        answer(id, XINGPING_INSPECTOR, "{\"result\":\"REFUTED\",\"note\":\"现场水面清洁，未发现漂浮物\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.confirmation.result").value("REFUTED"))
                .andExpect(jsonPath("$.timeline[*].type", hasItem("refuted")));

        List<CaseEvent> events = eventsUntil(id, CaseEventType.REJECTED);
        assertThat(payload(events, CaseEventType.CONFIRMED, CaseConfirmed.class).result()).isEqualTo("REFUTED");
        CaseRejected rejected = payload(events, CaseEventType.REJECTED, CaseRejected.class);
        assertThat(rejected.reasonCode()).isEqualTo("NOT_CONFIRMED");
        assertThat(rejected.reason()).isEqualTo("现场水面清洁，未发现漂浮物");
    }

    @Test
    void anInspectorsOwnReportIsNotSentToConfirmAndACameraReportIsSentByTheRule() throws Exception {
        String own = created(report(as("inspector", "inspector"), "02-01-06", "西城街道绿地内垃圾堆积", ""));
        decide(own, "{\"decision\":\"CONFIRM\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("not-inspector-report"));

        String camera = created(report(as("operator", "operator"), "02-01-04", "视频识别：西城街道路面不洁",
                ",\"source\":\"" + AUTO_CONFIRMED_SOURCE + "\",\"deviceId\":\"cam-xp-0031\""));
        mvc.perform(get("/api/cases/{id}", camera).with(as("operator", "operator")))
                .andExpect(jsonPath("$.status").value("CONFIRMING"))
                .andExpect(jsonPath("$.confirmation.assignee").value(XINGPING_INSPECTOR))
                .andExpect(jsonPath("$.confirmation.requestedBy").value("confirmation-rule"));
    }

    private String hotlineReport(String category, String description) throws Exception {
        return created(report(as("operator", "operator"), category, description,
                ",\"caller\":{\"name\":\"李先生\",\"phone\":\"13900000001\"}"));
    }

    private ResultActions report(org.springframework.test.web.servlet.request.RequestPostProcessor who,
                                 String category, String description, String extra) throws Exception {
        return mvc.perform(post("/api/cases").with(who).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"categoryCode":"%s","description":"%s","location":{"lon":%s,"lat":%s}%s}"""
                        .formatted(category, description, LON, LAT, extra)));
    }

    private static String created(ResultActions result) throws Exception {
        return JsonPath.read(result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
                "$.id");
    }

    private ResultActions decide(String id, String decision) throws Exception {
        return mvc.perform(post("/api/cases/{id}/filing", id).with(as("operator", "operator"))
                .contentType(MediaType.APPLICATION_JSON).content(decision));
    }

    private ResultActions answer(String id, String inspector, String body) throws Exception {
        return mvc.perform(post("/api/cases/{id}/confirmation", id).with(as(inspector, "inspector"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String sitePhoto(String id) throws Exception {
        return JsonPath.read(mvc.perform(multipart("/api/cases/{id}/photos", id)
                        .file(new MockMultipartFile("file", "site.jpg", "image/jpeg", TestImages.jpeg(47)))
                        .param("stage", "VERIFICATION").with(as(XINGPING_INSPECTOR, "inspector")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    private static List<CaseEvent> eventsUntil(String id, CaseEventType last) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> PublishedCaseEvents.of(id),
                events -> events.stream().anyMatch(e -> e.type() == last));
    }

    private static <T extends io.cityloop.events.CaseEventData> T payload(List<CaseEvent> events,
                                                                      CaseEventType type, Class<T> payloadType) {
        return events.stream().filter(e -> e.type() == type).findFirst().orElseThrow().dataAs(payloadType);
    }
}
