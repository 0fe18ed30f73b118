package io.cityloop.intake.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexField;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import io.cityloop.intake.IntakeIntegrationTestSupport;

/**
 * 我的上报 ({@code GET /api/cases/mine}): a reporter's own cases, newest first, paged, never another reporter's.
 * Each test signs in as inspectors of its own (fresh user names), so cases of other tests never count.
 */
class MyReportsIntegrationTest extends IntakeIntegrationTestSupport {

    @Autowired
    private MockMvc mvc;
    @Autowired
    private MongoTemplate mongo;

    private String report(RequestPostProcessor who, String category, double lon, double lat, String description)
            throws Exception {
        String body = """
                {"categoryCode":"%s","description":"%s","location":{"lon":%s,"lat":%s},"address":"秦都区人民路88号"}"""
                .formatted(category, description, lon, lat);
        return JsonPath.read(mvc.perform(post("/api/cases").with(who)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
    }

    @Test
    void anInspectorSeesOnlyTheirOwnReportsNewestFirstPaged() throws Exception {
        String zhang = "inspector-zhang-" + UUID.randomUUID().toString().substring(0, 8);
        String wang = "inspector-wang-" + UUID.randomUUID().toString().substring(0, 8);
        String first = report(as(zhang, "inspector"), "02-01-01", 108.7012, 34.3405, "人民路口暴露垃圾约2平方米");
        String second = report(as(zhang, "inspector"), "02-05-01", 108.7031, 34.3412, "渭阳西路无照游商占道经营");
        String third = report(as(zhang, "inspector"), "02-02-01", 108.6988, 34.3397, "电线杆上张贴非法小广告");
        String others = report(as(wang, "inspector"), "02-01-01", 108.7019, 34.3408, "人行道旁积存生活垃圾");

        mvc.perform(get("/api/cases/mine").with(as(zhang, "inspector")).param("page", "0").param("size", "50"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string("X-Total-Count", "3"))
                .andExpect(jsonPath("$[*].id", contains(third, second, first)))
                .andExpect(jsonPath("$[0].reportedBy").value(zhang))
                .andExpect(jsonPath("$[0].categoryCode").value("02-02-01"))
                .andExpect(jsonPath("$[0].districtName").value("秦都区"))
                .andExpect(jsonPath("$[0].location.lon").value(108.6988))
                .andExpect(jsonPath("$[0].timeline", hasSize(1)));
        mvc.perform(get("/api/cases/mine").with(as(zhang, "inspector")).param("page", "1").param("size", "2"))
                .andExpect(header().string("X-Total-Count", "3"))
                .andExpect(jsonPath("$[*].id", contains(first)));
        mvc.perform(get("/api/cases/mine").with(as(wang, "inspector")))
                .andExpect(header().string("X-Total-Count", "1"))
                .andExpect(jsonPath("$[*].id", contains(others)));
        mvc.perform(get("/api/cases/mine").with(as("inspector-li-" + UUID.randomUUID(), "inspector")))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "0"))
                .andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void anOperatorSeesTheCasesTheyReportedAndOthersAreRefused() throws Exception {
        String operator = "operator-li-" + UUID.randomUUID().toString().substring(0, 8);
        String hotline = report(as(operator, "operator"), "02-01-01", 108.7045, 34.3421, "市民来电：小区门口垃圾未清运");

        mvc.perform(get("/api/cases/mine").with(as(operator, "operator")))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "1"))
                .andExpect(jsonPath("$[0].id").value(hotline))
                .andExpect(jsonPath("$[0].source").value("HOTLINE"));
        mvc.perform(get("/api/cases/mine").with(as("dispatcher", "dispatcher")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/cases/mine").with(unit("district-610402")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/cases/mine"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theQueryIsServedByAnIndexOnTheStoredReporterField() throws Exception {
        String zhao = "inspector-zhao-" + UUID.randomUUID().toString().substring(0, 8);
        String id = report(as(zhao, "inspector"), "02-01-01", 108.7064, 34.3433, "路边绿化带内暴露垃圾");

        Document stored = mongo.getCollection("cases").find(new Document("_id", id)).first();
        assertThat(stored).isNotNull();
        assertThat(stored.get("reporter", Document.class).getString("_id")).isEqualTo(zhao);
        IndexInfo index = mongo.indexOps("cases").getIndexInfo().stream()
                .filter(i -> i.getName().equals("by_reporter")).findFirst().orElseThrow();
        assertThat(index.getIndexFields()).extracting(IndexField::getKey)
                .containsExactly("reporter._id", "reportedAt", "_id");
        // a retried report is found by its reporter and key: the unique index names the stored reporter field, so
        // two inspectors may use the same key and the lookup is one index probe, not a walk through their reports
        IndexInfo idempotency = mongo.indexOps("cases").getIndexInfo().stream()
                .filter(i -> i.getName().equals("report_idempotency")).findFirst().orElseThrow();
        assertThat(idempotency.getIndexFields()).extracting(IndexField::getKey)
                .containsExactly("reporter._id", "idempotencyKey");
        assertThat(idempotency.isUnique()).isTrue();
    }

    @Test
    void pageAndSizeAreValidatedLikeTheCaseList() throws Exception {
        mvc.perform(get("/api/cases/mine").with(as("inspector", "inspector")).param("size", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.errors[0].rule").value("range"));
        mvc.perform(get("/api/cases/mine").with(as("inspector", "inspector")).param("size", "201"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/cases/mine").with(as("inspector", "inspector")).param("page", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"))
                .andExpect(jsonPath("$.errors[0].rule").value("range"));
        mvc.perform(get("/api/cases/mine").with(as("inspector", "inspector")).param("page", "abc"))
                .andExpect(status().isBadRequest());
    }
}
