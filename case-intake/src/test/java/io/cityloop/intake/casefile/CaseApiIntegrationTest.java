package io.cityloop.intake.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.cityloop.intake.IntakeIntegrationTestSupport;

class CaseApiIntegrationTest extends IntakeIntegrationTestSupport {

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String GARBAGE_IN_QINDU = """
            {"categoryCode":"02-01-01","description":"人民路与渭阳西路交叉口东南角暴露垃圾约2平方米",
             "location":{"lon":108.7012,"lat":34.3405},"address":"秦都区人民路88号"}""";

    @Autowired
    private MockMvc mvc;

    private ResultActions report(String key, String body) throws Exception {
        return mvc.perform(post("/api/cases").with(as("inspector", "inspector"))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String reportedCase() throws Exception {
        String body = report(UUID.randomUUID().toString(), GARBAGE_IN_QINDU).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    @Test
    void aReportIsLocatedOnTheGridAndARetryReturnsTheSameCase() throws Exception {
        String key = UUID.randomUUID().toString();

        String first = report(key, GARBAGE_IN_QINDU)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/cases/CL")))
                .andExpect(jsonPath("$.status").value("REPORTED"))
                .andExpect(jsonPath("$.districtCode").value("610402"))
                .andExpect(jsonPath("$.districtName").value("秦都区"))
                .andExpect(jsonPath("$.gridCode", startsWith("610402")))
                .andExpect(jsonPath("$.categoryName").value("暴露垃圾"))
                .andExpect(jsonPath("$.source").value("INSPECTOR"))
                .andExpect(jsonPath("$.timeline[0].type").value("reported"))
                .andReturn().getResponse().getContentAsString();

        String again = report(key, GARBAGE_IN_QINDU).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat((String) JsonPath.read(again, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
    }

    @Test
    void twoInspectorsMayUseTheSameKeyEachGettingTheirOwnCase() throws Exception {
        String key = UUID.randomUUID().toString();
        String wang = mvc.perform(post("/api/cases").with(as("inspector-wang", "inspector"))
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(GARBAGE_IN_QINDU))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String li = mvc.perform(post("/api/cases").with(as("inspector-li", "inspector"))
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(GARBAGE_IN_QINDU))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();

        assertThat((String) JsonPath.read(li, "$.id")).isNotEqualTo(JsonPath.read(wang, "$.id"));
    }

    @Test
    void theSameKeyWithOtherContentIsAConflict() throws Exception {
        String key = UUID.randomUUID().toString();
        report(key, GARBAGE_IN_QINDU).andExpect(status().isCreated());

        report(key, GARBAGE_IN_QINDU.replace("2平方米", "5平方米"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void anUnknownCategoryIsRefusedByName() throws Exception {
        report(UUID.randomUUID().toString(), GARBAGE_IN_QINDU.replace("02-01-01", "09-09-99"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("categoryCode"))
                .andExpect(jsonPath("$.errors[0].rule").value("known-category"));
    }

    @Test
    void aLocationOutsideTheCityIsRefused() throws Exception {
        report(UUID.randomUUID().toString(), GARBAGE_IN_QINDU.replace("108.7012", "116.3970").replace("34.3405", "39.9090"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("location"))
                .andExpect(jsonPath("$.errors[0].rule").value("inside-city"));
    }

    @Test
    void aMissingLocationAndAMissingKeyAreNamed() throws Exception {
        report(UUID.randomUUID().toString(), """
                {"categoryCode":"02-01-01","description":"暴露垃圾"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("location"))
                .andExpect(jsonPath("$.errors[0].rule").value("not-null"));
        mvc.perform(post("/api/cases").with(as("inspector", "inspector"))
                        .contentType(MediaType.APPLICATION_JSON).content(GARBAGE_IN_QINDU))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
    }

    @Test
    void onlyOperatorsFileAndARejectionNeedsAReasonCode() throws Exception {
        String id = reportedCase();

        mvc.perform(post("/api/cases/{id}/filing", id).with(as("inspector", "inspector"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"FILE\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(post("/api/cases/{id}/filing", id).with(as("operator", "operator"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"REJECT\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reasonCode"));
        mvc.perform(get("/api/cases/{id}", id).with(as("supervisor", "supervisor")))
                .andExpect(jsonPath("$.status").value("REPORTED"));

        mvc.perform(post("/api/cases/{id}/filing", id).with(as("operator", "operator"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"FILE\",\"note\":\"符合立案标准\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FILED"))
                .andExpect(jsonPath("$.timeline[1].actor").value("operator"))
                .andExpect(jsonPath("$.timeline[1].role").value("operator"));

        mvc.perform(post("/api/cases/{id}/filing", id).with(as("operator", "operator"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"FILE\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://cityloop.io/problems/invalid-transition"));
    }

    @Test
    void aRejectedReportIsAnEndState() throws Exception {
        String id = reportedCase();

        mvc.perform(post("/api/cases/{id}/filing", id).with(as("operator", "operator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"REJECT\",\"reasonCode\":\"CRITERION_NOT_MET\",\"note\":\"面积不足\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"));
        mvc.perform(get("/api/cases").param("status", "REPORTED").with(as("operator", "operator")))
                .andExpect(jsonPath("$[*].id", not(hasItem(id))));
    }

    @Test
    void unknownCasesAndForeignDepartmentsGetProblems() throws Exception {
        mvc.perform(get("/api/cases/{id}", "CL20261123999999").with(as("supervisor", "supervisor")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("https://cityloop.io/problems/not-found"));
        String id = reportedCase();
        mvc.perform(get("/api/cases/{id}", id).with(unit("dept-16")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/cases/{id}", id))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void theCatalogIsServedAsATree() throws Exception {
        mvc.perform(get("/api/reference/categories").with(unit("dept-16")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value("2026.1"))
                .andExpect(jsonPath("$.types[0].name").value("部件"))
                .andExpect(jsonPath("$.types[1].majors[0].categories[0].code").value("02-01-01"))
                .andExpect(jsonPath("$.types[1].majors[0].categories[0].name").value("暴露垃圾"));
    }
}
