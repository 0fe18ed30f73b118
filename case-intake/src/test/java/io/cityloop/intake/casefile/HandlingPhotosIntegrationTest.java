package io.cityloop.intake.casefile;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import io.cityloop.events.Actor;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventCodec;
import io.cityloop.events.CaseEventTopics;
import io.cityloop.events.Producers;
import io.cityloop.events.TaskDispatched;
import io.cityloop.events.TimeLimit;
import io.cityloop.intake.IntakeIntegrationTestSupport;
import io.cityloop.intake.casefile.application.CaseFileStore;
import io.cityloop.intake.casefile.model.CaseStatus;
import io.cityloop.intake.support.TestImages;

/**
 * 处理反馈照片: the handling unit whose task the case is uploads the photos of its result (stage HANDLING, multipart
 * or base64 JSON), nothing else and nowhere else; a report full of photos still leaves room for them and for the
 * on-site check.
 */
class HandlingPhotosIntegrationTest extends IntakeIntegrationTestSupport {

    private static final String QINDU = "district-610402";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private KafkaTemplate<String, String> kafka;
    @Autowired
    private CaseEventCodec codec;
    @Autowired
    private CaseFileStore cases;

    @Test
    void theUnitOfTheCurrentTaskUploadsHandlingPhotosOnlyAndAFullReportLeavesRoomForThem() throws Exception {
        String id = reported(108.6962, 34.3371, "世纪大道辅路暴露垃圾约3平方米");
        for (int seed = 31; seed <= 36; seed++) {
            upload(id, as("inspector", "inspector"), TestImages.png(seed), null).andExpect(status().isCreated())
                    .andExpect(jsonPath("$.stage").value("REPORT"));
        }
        upload(id, as("inspector", "inspector"), TestImages.png(37), "REPORT")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].rule").value("max-count"));
        upload(id, unit(QINDU), TestImages.jpeg(38), "HANDLING")
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        dispatch(id, QINDU, "秦都区");

        String handling = JsonPath.read(upload(id, unit(QINDU), TestImages.jpeg(39), null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.stage").value("HANDLING"))
                .andExpect(jsonPath("$.uploadedBy").value(QINDU))
                .andExpect(jsonPath("$.url").value(org.hamcrest.Matchers.startsWith("/api/cases/" + id + "/photos/")))
                .andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/cases/{id}/photos", id).with(unit(QINDU)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"stage\":\"HANDLING\",\"file\":\""
                                + Base64.getEncoder().encodeToString(TestImages.jpeg(40)) + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.stage").value("HANDLING"));
        upload(id, unit(QINDU), TestImages.jpeg(41), "REPORT")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("stage"))
                .andExpect(jsonPath("$.errors[0].rule").value("allowed-value"));
        upload(id, unit(QINDU), TestImages.jpeg(41), "VERIFICATION")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("stage"));
        upload(id, unit("dept-16"), TestImages.jpeg(42), "HANDLING")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(id)));
        upload(id, as("inspector", "inspector"), TestImages.jpeg(43), "HANDLING")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("stage"));
        upload(id, as("inspector", "inspector"), TestImages.jpeg(44), "VERIFICATION")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.stage").value("VERIFICATION"));

        mvc.perform(get("/api/cases/{id}/photos/{photo}", id, handling).with(unit(QINDU)))
                .andExpect(status().isOk())
                .andExpect(content().bytes(TestImages.jpeg(39)));
        mvc.perform(get("/api/cases/{id}", id).with(as("operator", "operator")))
                .andExpect(jsonPath("$.photos", hasSize(9)))
                .andExpect(jsonPath("$.photos[?(@.stage == 'HANDLING')]", hasSize(2)));
        mvc.perform(get("/api/cases/{id}/timeline", id).with(as("operator", "operator")))
                .andExpect(status().isOk());
    }

    @Test
    void aUnitCannotUploadToACaseThatIsNotDispatchedToIt() throws Exception {
        String id = reported(108.7088, 34.3452, "渭阳中路人行道井盖破损");
        upload(id, unit("dept-10"), TestImages.jpeg(45), null)
                .andExpect(status().isForbidden());
        dispatch(id, "dept-10", "市市政设施管理中心");
        upload(id, unit("dept-16"), TestImages.jpeg(45), null)
                .andExpect(status().isForbidden());
        upload(id, unit("dept-10"), TestImages.jpeg(45), null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.stage").value("HANDLING"));
        upload("CL20991231999999", unit("dept-10"), TestImages.jpeg(46), null)
                .andExpect(status().isNotFound());
        upload(id, as("dispatcher", "dispatcher"), TestImages.jpeg(47), null)
                .andExpect(status().isForbidden());
    }

    private String reported(double lon, double lat, String description) throws Exception {
        String body = """
                {"categoryCode":"02-01-01","description":"%s","location":{"lon":%s,"lat":%s},"address":"秦都区"}"""
                .formatted(description, lon, lat);
        String id = JsonPath.read(mvc.perform(post("/api/cases").with(as("inspector", "inspector"))
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/cases/{id}/filing", id).with(as("operator", "operator"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"FILE\",\"note\":\"符合立案标准\"}"))
                .andExpect(status().isOk());
        return id;
    }

    private void dispatch(String caseId, String unitId, String unitName) throws Exception {
        String taskId = "T" + caseId + "-01";
        TaskDispatched data = new TaskDispatched(caseId, taskId, unitId, unitName, "02-01-01", "610402",
                "6104020060020154", Instant.parse("2026-11-24T09:00:00Z"), new TimeLimit(1, "WORKING_DAYS"),
                Actor.system("auto-routing"));
        CaseEvent event = CaseEvent.of(Producers.DISPATCH, taskId, 1, Instant.parse("2026-11-23T02:10:00Z"), data);
        kafka.send(CaseEventTopics.CASE_EVENTS, caseId, codec.encode(event)).get();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> cases.find(caseId).orElseThrow().status() == CaseStatus.DISPATCHED);
    }

    private ResultActions upload(String caseId, RequestPostProcessor who, byte[] bytes, String stage)
            throws Exception {
        var request = multipart("/api/cases/{id}/photos", caseId)
                .file(new MockMultipartFile("file", "IMG_2041.jpg", "image/jpeg", bytes)).with(who);
        if (stage != null) {
            request.param("stage", stage);
        }
        return mvc.perform(request);
    }
}
