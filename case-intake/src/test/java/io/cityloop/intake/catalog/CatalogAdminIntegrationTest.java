package io.cityloop.intake.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import io.cityloop.events.CaseEventType;
import io.cityloop.events.CaseFiled;
import io.cityloop.events.CategoryTerms;
import io.cityloop.events.TimeLimit;
import io.cityloop.infra.TestInfrastructure;
import io.cityloop.intake.PublishedCaseEvents;
import io.cityloop.platform.security.RoleAuthorities;

/**
 * Admin edits publish new catalog versions and new cases record them. Its own database, because publishing changes
 * the version every other test's cases are filed under.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CatalogAdminIntegrationTest {

    @Autowired
    private MockMvc mvc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure infra = TestInfrastructure.shared();
        registry.add("spring.kafka.bootstrap-servers", infra::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> infra.indexedMongoUri("cityloop-intake-catalog-it"));
        registry.add("spring.kafka.consumer.group-id", () -> "case-intake-catalog-it-" + UUID.randomUUID());
    }

    private static JwtRequestPostProcessor as(String username, String role) {
        return jwt().jwt(token -> token.subject(username).claim("roles", List.of(role)))
                .authorities(new RoleAuthorities());
    }

    private static String edit(String base, String unit) {
        return """
                {"baseVersion":"%s","name":"乱堆物堆料","urgency":"QUICK",
                 "handlingLimit":{"amount":4,"unit":"WORKING_HOURS"},"verificationLimitHours":1,
                 "defaultUnit":"%s","filingCriterion":"道路堆放物料大于0.5平方米",
                 "closingCriterion":"物料清除、地面整洁","note":"按2026年考核细则收紧"}""".formatted(base, unit);
    }

    @Test
    void anAdminEditPublishesANewVersionWhoseTermsNewCasesAreFiledWith() throws Exception {
        mvc.perform(get("/api/reference/categories").with(as("operator", "operator")))
                .andExpect(jsonPath("$.version").value("2026.1"))
                .andExpect(jsonPath("$.types[*].majors[*].categories[*].code",
                        org.hamcrest.Matchers.hasSize(org.hamcrest.Matchers.greaterThanOrEqualTo(80))));

        mvc.perform(put("/api/reference/categories/02-01-08").with(as("operator", "operator"))
                        .contentType(MediaType.APPLICATION_JSON).content(edit("2026.1", "DISTRICT")))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/reference/categories/02-01-08").with(as("admin", "admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(edit("2026.1", "dept-99")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("defaultUnit"));
        mvc.perform(put("/api/reference/categories/03-01-01").with(as("admin", "admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(edit("2026.1", "DISTRICT")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));

        mvc.perform(put("/api/reference/categories/02-01-08").with(as("admin", "admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(edit("2026.1", "DISTRICT")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value("2026.1-r1"));
        mvc.perform(put("/api/reference/categories/02-01-08").with(as("admin", "admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(edit("2026.1", "DISTRICT")))
                .andExpect(status().isConflict());

        String reported = mvc.perform(post("/api/cases").with(as("inspector", "inspector"))
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"categoryCode":"02-01-08","description":"人行道堆放建材",
                                 "location":{"lon":108.7105,"lat":34.3620}}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.catalogVersion").value("2026.1-r1"))
                .andReturn().getResponse().getContentAsString();
        assertThat(filed(JsonPath.read(reported, "$.id")).category()).isEqualTo(new CategoryTerms("02-01-08",
                "乱堆物堆料", "EVENT", "QUICK", new TimeLimit(4, "WORKING_HOURS"), 1, "DISTRICT", "2026.1-r1"));
        mvc.perform(get("/api/reference/categories").param("version", "2026.1").with(as("operator", "operator")))
                .andExpect(jsonPath("$.version").value("2026.1"));
        mvc.perform(get("/api/reference/categories/versions").with(as("operator", "operator")))
                .andExpect(jsonPath("$[0].version").value("2026.1-r1"))
                .andExpect(jsonPath("$[1].version").value("2026.1"));

        // a code the shipped catalog lacks travels with its own terms, so that the command center can dispatch it
        mvc.perform(put("/api/reference/categories/02-01-40").with(as("admin", "admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"baseVersion":"2026.1-r1","name":"占道晾晒","urgency":"ORDINARY",
                                 "handlingLimit":{"amount":2,"unit":"WORKING_DAYS"},"verificationLimitHours":2,
                                 "defaultUnit":"dept-11","filingCriterion":"沿街占用人行道晾晒衣物、粮食",
                                 "closingCriterion":"晾晒物撤除","note":"新增小类"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value("2026.1-r2"));

        String added = mvc.perform(post("/api/cases").with(as("inspector", "inspector"))
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"categoryCode":"02-01-40","description":"人民路人行道晾晒玉米",
                                 "location":{"lon":108.7012,"lat":34.3405}}"""))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();

        assertThat(filed(JsonPath.read(added, "$.id")).category()).isEqualTo(new CategoryTerms("02-01-40",
                "占道晾晒", "EVENT", "ORDINARY", new TimeLimit(2, "WORKING_DAYS"), 2, "dept-11", "2026.1-r2"));
    }

    private CaseFiled filed(String caseId) throws Exception {
        mvc.perform(post("/api/cases/{id}/filing", caseId).with(as("operator", "operator"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"FILE\"}"))
                .andExpect(status().isOk());
        return await().atMost(Duration.ofSeconds(30)).until(() -> PublishedCaseEvents.of(caseId).stream()
                        .filter(e -> e.type() == CaseEventType.FILED).findFirst(), Optional::isPresent)
                .orElseThrow().dataAs(CaseFiled.class);
    }

    @Test
    void theDesksListTheCitysHandlingUnitsAndDistricts() throws Exception {
        mvc.perform(get("/api/reference/units").with(as("dispatcher", "dispatcher")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(34))
                .andExpect(jsonPath("$[?(@.id == 'dept-16')].name").value("市水务集团"))
                .andExpect(jsonPath("$[?(@.id == 'district-610402')].name").value("秦都区"));
        mvc.perform(get("/api/reference/districts").with(as("supervisor", "supervisor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(13))
                .andExpect(jsonPath("$[?(@.code == '610482')].name").value("彬州市"));
    }

    @Test
    void theGridLookupAnswersForTheConsole() throws Exception {
        mvc.perform(get("/api/reference/grid/locate").param("lon", "108.7012").param("lat", "34.3405")
                        .with(as("inspector", "inspector")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.districtCode").value("610402"));
        mvc.perform(get("/api/reference/grid/locate").param("lon", "116.397").param("lat", "39.909")
                        .with(as("inspector", "inspector")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("inside-city"));
    }
}
