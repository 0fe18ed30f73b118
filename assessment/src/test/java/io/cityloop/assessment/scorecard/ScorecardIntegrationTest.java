package io.cityloop.assessment.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import io.cityloop.assessment.facts.application.CaseFactsProjection;
import io.cityloop.assessment.facts.application.CaseFactsStore;
import io.cityloop.assessment.facts.model.Confirmation;
import io.cityloop.events.Actor;
import io.cityloop.events.CaseClosed;
import io.cityloop.events.CaseConfirmed;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventCodec;
import io.cityloop.events.CaseEventData;
import io.cityloop.events.CaseEventTopics;
import io.cityloop.events.CaseFiled;
import io.cityloop.events.CaseRejected;
import io.cityloop.events.CaseReported;
import io.cityloop.events.CaseVerified;
import io.cityloop.events.ConfirmationRequested;
import io.cityloop.events.GeoPoint;
import io.cityloop.events.Producers;
import io.cityloop.events.ReworkDispatched;
import io.cityloop.events.ReworkRequired;
import io.cityloop.events.TaskAccepted;
import io.cityloop.events.TaskDispatched;
import io.cityloop.events.TaskHandled;
import io.cityloop.events.TimeLimit;
import io.cityloop.events.VerificationRequested;
import io.cityloop.infra.ConsumerGroups;
import io.cityloop.infra.TestInfrastructure;
import io.cityloop.platform.security.RoleAuthorities;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * November 2026 in 秦都区, seen on 5 December: one exposed-garbage case handled, reworked once, handled again and
 * closed; one manhole-cover case for 市水务集团 left open past its deadline.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ScorecardIntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String GROUP = "assessment-it-" + UUID.randomUUID();
    private static final String GARBAGE_CASE = "QD-202611-" + UUID.randomUUID();
    private static final String MANHOLE_CASE = "QD-202611-" + UUID.randomUUID();
    private static final String QINDU_PLATFORM = "district-610402";
    private static final String WATER_GROUP = "dept-16";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure infra = TestInfrastructure.shared();
        registry.add("spring.kafka.bootstrap-servers", infra::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> infra.indexedMongoUri("cityloop-assessment-it-" + UUID.randomUUID()));
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
        registry.add("cityloop.assessment.close.auto-freeze", () -> "false");
        // other test classes share the broker: read only what is published once the listener is assigned
        registry.add("spring.kafka.consumer.auto-offset-reset", () -> "latest");
    }

    @Autowired
    org.springframework.kafka.config.KafkaListenerEndpointRegistry listeners;

    @org.junit.jupiter.api.BeforeEach
    void listenerAssigned() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(listeners.getListenerContainers())
                .allSatisfy(container -> assertThat(container.getAssignedPartitions()).isNotEmpty()));
    }

    @TestConfiguration
    static class FifthOfDecember {
        @Bean
        Clock clock() {
            return Clock.fixed(at("2026-12-05T10:00"), SHANGHAI);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    CaseEventCodec codec;
    @Autowired
    CaseFactsStore facts;
    @Autowired
    MeterRegistry meters;
    @Autowired
    CaseFactsProjection projection;
    @Autowired
    MongoTemplate mongo;

    @Test
    void scorecardsCountTheMonthExactlyAndIgnoreRedelivery() throws Exception {
        List<CaseEvent> events = new ArrayList<>(garbageCaseHandledAfterRework());
        events.addAll(manholeCaseLeftOverdue());

        publish(events);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(facts.find(GARBAGE_CASE)).hasValueSatisfying(c -> assertThat(c.appliedEventIds()).hasSize(13));
            assertThat(facts.find(MANHOLE_CASE)).hasValueSatisfying(c -> assertThat(c.appliedEventIds()).hasSize(4));
        });
        awaitConsumerCaughtUp();
        double appliedBefore = appliedEvents();
        // other test classes share the broker, so this group also reads their events: at least these 17
        assertThat(appliedBefore).isGreaterThanOrEqualTo(17.0);
        assertNovemberScorecards();

        publish(events);
        awaitConsumerCaughtUp();

        assertThat(appliedEvents()).isEqualTo(appliedBefore);
        assertThat(facts.find(GARBAGE_CASE).orElseThrow().tasks()).hasSize(1);
        assertNovemberScorecards();
    }

    /**
     * 核实 in October 2026 (a month no other test here touches), 秦都区 cell 6104020050030184: a hotline report sent by
     * 王芳 ({@code operator-wangfang}) to 张伟 ({@code inspector}) and confirmed in time, a citizen's report sent by the
     * automatic rule and refuted late. Published twice: the second delivery changes nothing.
     */
    @Test
    void confirmationsCountForTheInspectorAskedAndTheOperatorWhoSentThem() throws Exception {
        String hotline = "QD-202610-" + UUID.randomUUID();
        String citizen = "QD-202610-" + UUID.randomUUID();
        List<CaseEvent> events = new ArrayList<>(confirmedInTime(hotline));
        events.addAll(refutedLate(citizen));

        publish(events);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(facts.find(hotline)).hasValueSatisfying(c -> assertThat(c.appliedEventIds()).hasSize(4));
            assertThat(facts.find(citizen)).hasValueSatisfying(c -> assertThat(c.appliedEventIds()).hasSize(4));
        });
        awaitConsumerCaughtUp();
        assertThat(facts.find(hotline).orElseThrow().confirmation()).isEqualTo(new Confirmation("inspector",
                at("2026-10-20T09:10"), "operator-wangfang", at("2026-10-20T09:40"), true, at("2026-10-20T09:30"),
                "inspector", "CONFIRMED", true));
        assertThat(facts.find(citizen).orElseThrow().confirmation().requestedBy()).isNull();
        assertOctoberConfirmations();

        publish(events);
        awaitConsumerCaughtUp();

        assertThat(facts.find(hotline).orElseThrow().appliedEventIds()).hasSize(4);
        assertThat(facts.find(citizen).orElseThrow().appliedEventIds()).hasSize(4);
        assertOctoberConfirmations();
    }

    private void assertOctoberConfirmations() throws Exception {
        mvc.perform(get("/api/scorecards/2026-10/positions").param("role", "inspector")
                        .with(user("supervisor", null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.columns[?(@.key == 'onTimeConfirmationRate')].label").value("按时核实率"))
                .andExpect(jsonPath("$.rows[?(@.userId == 'inspector')].name").value("张伟"))
                .andExpect(jsonPath("$.rows[?(@.userId == 'inspector')].confirmations").value(2))
                .andExpect(jsonPath("$.rows[?(@.userId == 'inspector')].confirmedOnTime").value(1))
                .andExpect(jsonPath("$.rows[?(@.userId == 'inspector')].onTimeConfirmationRate").value(0.5))
                .andExpect(jsonPath("$.rows[?(@.userId == 'inspector')].verifications").value(0));
        mvc.perform(get("/api/scorecards/2026-10/positions").param("role", "operator")
                        .with(user("supervisor", null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.columns[?(@.key == 'onTimeConfirmationDispatchRate')].label")
                        .value("核实按时派发率"))
                .andExpect(jsonPath("$.rows[?(@.userId == 'operator-wangfang')].confirmationsSent").value(1))
                .andExpect(jsonPath("$.rows[?(@.userId == 'operator-wangfang')].confirmationsSentOnTime").value(1))
                .andExpect(jsonPath("$.rows[?(@.userId == 'operator-wangfang')].onTimeConfirmationDispatchRate")
                        .value(1.0))
                .andExpect(jsonPath("$.rows[?(@.userId == 'confirmation-rule')]", hasSize(0)))
                // the refuted report is rejected by the system: no 受理 credited to the inspector who answered
                .andExpect(jsonPath("$.rows[?(@.userId == 'inspector')]", hasSize(0)));
        mvc.perform(get("/api/scorecards/2026-10/positions/inspector/inspector/cases")
                        .param("indicator", "onTimeConfirmationRate").with(user("supervisor", null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.label").value("按时核实率"))
                .andExpect(jsonPath("$.measure").value("confirmations"))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.cases", hasSize(2)));
        String csv = mvc.perform(get("/api/scorecards/2026-10/positions/export").param("role", "inspector")
                        .param("format", "csv").with(user("supervisor", null)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("核实数", "按时核实数", "按时核实率");
    }

    private static List<CaseEvent> confirmedInTime(String caseId) {
        Actor wangFang = new Actor("operator-wangfang", "operator");
        String cell = "6104020050030184";
        return List.of(
                intake(caseId, 1, "2026-10-20T09:00", new CaseReported(caseId, "HOTLINE", "02-01-01",
                        "12345热线：世纪大道人行道暴露垃圾约2平方米", new GeoPoint(108.705, 34.338), "秦都区世纪大道",
                        "610402", cell, "2026.1", wangFang)),
                intake(caseId, 2, "2026-10-20T09:10", new ConfirmationRequested(caseId, "inspector", cell,
                        at("2026-10-20T09:40"), true, wangFang)),
                intake(caseId, 3, "2026-10-20T09:30", new CaseConfirmed(caseId, "CONFIRMED",
                        "现场属实：人行道暴露垃圾约2平方米", true, new Actor("inspector", "inspector"))),
                intake(caseId, 4, "2026-10-20T09:40", new CaseFiled(caseId, "02-01-01", "610402", cell,
                        "核实属实，予以立案", wangFang)));
    }

    private static List<CaseEvent> refutedLate(String caseId) {
        Actor zhangWei = new Actor("inspector", "inspector");
        String cell = "6104020050030184";
        return List.of(
                intake(caseId, 1, "2026-10-21T10:00", new CaseReported(caseId, "PUBLIC", "02-01-01",
                        "市民举报：世纪大道公交站旁垃圾堆放", new GeoPoint(108.706, 34.339), "秦都区世纪大道",
                        "610402", cell, "2026.1", new Actor("citizen-13900000000", "citizen"))),
                intake(caseId, 2, "2026-10-21T10:00", new ConfirmationRequested(caseId, "inspector", cell,
                        at("2026-10-21T10:30"), null, Actor.system("confirmation-rule"))),
                intake(caseId, 3, "2026-10-21T10:50", new CaseConfirmed(caseId, "REFUTED",
                        "现场未见垃圾堆放，已由保洁清扫", false, zhangWei)),
                intake(caseId, 4, "2026-10-21T10:50", new CaseRejected(caseId, "NOT_CONFIRMED",
                        "现场未见垃圾堆放，已由保洁清扫", Actor.system("confirmation-refuted"))));
    }

    @Test
    void concurrentWritersLoseNoUpdate() throws Exception {
        String caseId = "QD-202611-" + UUID.randomUUID();
        List<CaseEvent> events = new ArrayList<>();
        // eight writers on one case: a writer can lose many races in a row, and each must still land its event
        for (int sequence = 1; sequence <= 64; sequence++) {
            events.add(dispatch(caseId, caseId + "-T1", sequence, "2026-11-05T09:00", new TaskAccepted(caseId,
                    caseId + "-T1", QINDU_PLATFORM, new Actor("qindu-handler", "department"))));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var results = pool.invokeAll(events.stream()
                    .map(event -> (java.util.concurrent.Callable<Boolean>) () -> projection.apply(event))
                    .toList());
            for (var result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(facts.find(caseId).orElseThrow().appliedEventIds())
                .containsExactlyInAnyOrderElementsOf(events.stream().map(CaseEvent::id).toList());
        assertThat(projection.apply(events.get(0))).isFalse();
    }

    @Test
    void aFactsDocumentThatCannotBeSavedIsGivenUpNotRetriedForever() {
        String caseId = "QD-202611-" + UUID.randomUUID();
        // written without a version: every save of it is an insert refused as a duplicate while nobody changes it
        mongo.getCollection("case_facts").insertOne(new org.bson.Document("_id", caseId));
        CaseEvent accepted = dispatch(caseId, caseId + "-T1", 1, "2026-11-05T09:00", new TaskAccepted(caseId,
                caseId + "-T1", QINDU_PLATFORM, new Actor("qindu-handler", "department")));

        assertThatThrownBy(() -> projection.apply(accepted)).isInstanceOf(DuplicateKeyException.class);
        assertThat(facts.find(caseId).orElseThrow().appliedEventIds()).isEmpty();
    }

    @Test
    void aMonthBeforeCityLoopsFirstSchemeIsAValidationProblemNotA500() throws Exception {
        for (String path : new String[] {"/api/scorecards/2019-12/departments",
                "/api/scorecards/2019-12/departments/export?format=xlsx", "/api/scorecards/0000-01/districts"}) {
            mvc.perform(get(path).with(user("supervisor", null)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("month"))
                    .andExpect(jsonPath("$.errors[0].rule").value("range"));
        }
        mvc.perform(get("/api/scorecard-trends/departments/dept-16").param("from", "0000-01").param("to", "2026-11")
                        .with(user("supervisor", null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].rule").value("range"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/assessment-months/2019-12/freeze").with(user("supervisor", null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("range"));
    }

    @Test
    void aScorecardNamesEveryColumnInChineseAndWritesItsFormulaOut() throws Exception {
        mvc.perform(get("/api/scorecards/2026-11/departments").with(user("supervisor", null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.columns[?(@.key == 'onTimeRate')].label").value("按期处置率"))
                .andExpect(jsonPath("$.columns[?(@.key == 'unitName')].label").value("处置单位"))
                .andExpect(jsonPath("$.scheme.formula.volume").value("dispatched"))
                .andExpect(jsonPath("$.scheme.formula.terms[0].indicator").value("onTimeRate"))
                .andExpect(jsonPath("$.scheme.formula.terms[0].label").value("按期处置率"))
                .andExpect(jsonPath("$.scheme.formula.terms[0].weight").value(0.5))
                .andExpect(jsonPath("$.scheme.formula.terms[2].complement").value(true))
                .andExpect(jsonPath("$.scheme.formula.deductions[0].label").value("督办数"))
                .andExpect(jsonPath("$.scheme.gradeBands[0].grade").value("优秀"));
        mvc.perform(get("/api/scorecards/2026-11/districts").with(user("supervisor", null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.columns[?(@.key == 'districtName')].label").value("区县"));
    }

    @Test
    void theShiftLeadsScorecardIsAskedForByItsRole() throws Exception {
        mvc.perform(get("/api/scorecards/2026-11/positions").param("role", "shift-lead").with(user("supervisor", null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope").value("SHIFT_LEAD"));
        mvc.perform(get("/api/scorecards/2026-11/positions").param("role", "shift-lead").with(user("inspector", null)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/scorecards/2026-11/positions").param("role", "mayor").with(user("supervisor", null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("role"));
    }

    @Test
    void handlingUnitUsersSeeOnlyTheirOwnRow() throws Exception {
        mvc.perform(get("/api/scorecards/2026-11/departments").with(user("department", WATER_GROUP)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows", hasSize(1)))
                .andExpect(jsonPath("$.rows[0].unitId").value(WATER_GROUP));
        mvc.perform(get("/api/scorecards/2026-11/districts").with(user("department", QINDU_PLATFORM)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows", hasSize(1)))
                .andExpect(jsonPath("$.rows[0].districtCode").value("610402"));
        mvc.perform(get("/api/scorecards/2026-11/districts").with(user("department", WATER_GROUP)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://cityloop.io/problems/forbidden"));
    }

    @Test
    void drillDownIsOpenForTheOwnRowOnlyAndNamesAnUnknownIndicator() throws Exception {
        mvc.perform(get("/api/scorecards/2026-11/departments/" + WATER_GROUP + "/cases")
                        .param("indicator", "overdueOpen").with(user("department", WATER_GROUP)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/scorecards/2026-11/departments/" + QINDU_PLATFORM + "/cases")
                        .param("indicator", "handled").with(user("department", WATER_GROUP)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/scorecards/2026-11/departments/" + WATER_GROUP + "/cases")
                        .param("indicator", "happiness").with(user("supervisor", null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("indicator"))
                .andExpect(jsonPath("$.errors[0].rule").value("known-indicator"));
    }

    @Test
    void otherRolesAreForbiddenAndABadMonthIsNamed() throws Exception {
        mvc.perform(get("/api/scorecards/2026-11/departments").with(user("inspector", null)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/scorecards/2026-11/districts").with(user("operator", null)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/scorecards/2026-11/departments"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/scorecards/2026-13/departments").with(user("supervisor", null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"))
                .andExpect(jsonPath("$.errors[0].rule").value("yyyy-MM"));
    }

    private void assertNovemberScorecards() throws Exception {
        ResultActions departments = mvc.perform(get("/api/scorecards/2026-11/departments")
                        .with(user("supervisor", null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.month").value("2026-11"))
                .andExpect(jsonPath("$.cutOff").value("2026-12-01T00:00:00+08:00"))
                .andExpect(jsonPath("$.generatedAt").value("2026-12-05T10:00:00+08:00"))
                .andExpect(jsonPath("$.rows", hasSize(34)))
                .andExpect(jsonPath("$.rows[0].unitId").value("dept-01"))
                .andExpect(jsonPath("$.rows[0].dispatched").value(0))
                .andExpect(jsonPath("$.rows[0].handlingRate").value(nullValue()))
                .andExpect(jsonPath("$.state").value("DRAFT"))
                .andExpect(jsonPath("$.live").value(true))
                .andExpect(jsonPath("$.scheme.reference").value("gbt30428-default@2026.1"));
        expectRow(departments, "$.rows[21]", Map.ofEntries(
                Map.entry("unitId", QINDU_PLATFORM), Map.entry("unitName", "秦都区"), Map.entry("kind", "DISTRICT"),
                Map.entry("dispatched", 1), Map.entry("handled", 1), Map.entry("handledOnTime", 1),
                Map.entry("handledLate", 0), Map.entry("overdueOpen", 0), Map.entry("overdue", 0),
                Map.entry("pending", 0), Map.entry("rework", 1), Map.entry("closed", 1),
                Map.entry("handlingRate", 1.0), Map.entry("onTimeRate", 1.0), Map.entry("overdueRate", 0.0),
                Map.entry("reworkRate", 1.0), Map.entry("closingRate", 1.0)));
        expectRow(departments, "$.rows[15]", Map.ofEntries(
                Map.entry("unitId", WATER_GROUP), Map.entry("unitName", "市水务集团"), Map.entry("kind", "DEPARTMENT"),
                Map.entry("dispatched", 1), Map.entry("handled", 0), Map.entry("handledOnTime", 0),
                Map.entry("handledLate", 0), Map.entry("overdueOpen", 1), Map.entry("overdue", 1),
                Map.entry("pending", 0), Map.entry("rework", 0), Map.entry("closed", 0),
                Map.entry("handlingRate", 0.0), Map.entry("onTimeRate", 0.0), Map.entry("overdueRate", 1.0),
                Map.entry("closingRate", 0.0)));
        departments.andExpect(jsonPath("$.rows[15].reworkRate").value(nullValue()))
                // (0.5 × 1 + 0.3 × 1 + 0.2 × (1 − 1)) × 100 = 80: 良好, but 1 case is below the minimum volume of 5
                .andExpect(jsonPath("$.rows[21].score").value(80.0))
                .andExpect(jsonPath("$.rows[21].grade").value("良好"))
                .andExpect(jsonPath("$.rows[21].lowVolume").value(true))
                .andExpect(jsonPath("$.rows[21].volume").value(1))
                .andExpect(jsonPath("$.ranking", hasSize(2)));
        mvc.perform(get("/api/scorecards/2026-11/departments/" + QINDU_PLATFORM + "/cases")
                        .param("indicator", "rework").with(user("supervisor", null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.cases[0].caseId").value(GARBAGE_CASE))
                .andExpect(jsonPath("$.cases[0].counts.handledOnTime").value(1));

        ResultActions districts = mvc.perform(get("/api/scorecards/2026-11/districts")
                        .with(user("dispatcher", null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows", hasSize(13)))
                .andExpect(jsonPath("$.rows[0].districtCode").value("610402"));
        expectRow(districts, "$.rows[0]", Map.ofEntries(
                Map.entry("districtName", "秦都区"), Map.entry("reported", 2), Map.entry("filed", 2),
                Map.entry("filingRate", 1.0),
                Map.entry("dispatched", 2), Map.entry("handled", 1), Map.entry("handledOnTime", 1),
                Map.entry("handledLate", 0), Map.entry("overdueOpen", 1), Map.entry("overdue", 1),
                Map.entry("pending", 0), Map.entry("rework", 1), Map.entry("closed", 1),
                Map.entry("handlingRate", 0.5), Map.entry("onTimeRate", 0.5), Map.entry("overdueRate", 0.5),
                Map.entry("reworkRate", 1.0), Map.entry("closingRate", 0.5)));
        districts.andExpect(jsonPath("$.rows[1].districtCode").value("610404"))
                .andExpect(jsonPath("$.rows[1].reported").value(0))
                .andExpect(jsonPath("$.rows[1].filingRate").value(nullValue()));
    }

    private static void expectRow(ResultActions result, String row, Map<String, Object> expected) throws Exception {
        for (Map.Entry<String, Object> field : expected.entrySet()) {
            result.andExpect(jsonPath(row + "." + field.getKey()).value(field.getValue()));
        }
    }

    private static List<CaseEvent> garbageCaseHandledAfterRework() {
        String caseId = GARBAGE_CASE;
        String task = caseId + "-T1";
        Actor inspector = new Actor("inspector-qd-01", "inspector");
        Actor operator = new Actor("operator-01", "operator");
        Actor handler = new Actor("qindu-handler", "department");
        Actor dispatcher = Actor.system("auto-routing");
        return List.of(
                intake(caseId, 1, "2026-11-02T09:00", new CaseReported(caseId, "INSPECTOR", "02-01-01",
                        "人民路与渭阳西路口垃圾堆放约2平方米", new GeoPoint(108.70, 34.34), "秦都区人民路",
                        "610402", "610402001001001", "2026.1", inspector)),
                intake(caseId, 2, "2026-11-02T09:10", new CaseFiled(caseId, "02-01-01", "610402",
                        "610402001001001", "超过1平方米，予以立案", operator)),
                dispatch(caseId, task, 1, "2026-11-02T09:20", new TaskDispatched(caseId, task, QINDU_PLATFORM,
                        "秦都区", "02-01-01", "610402", "610402001001001", at("2026-11-03T09:20"),
                        new TimeLimit(1, "WORKING_DAYS"), dispatcher)),
                dispatch(caseId, task, 2, "2026-11-02T09:40", new TaskAccepted(caseId, task, QINDU_PLATFORM,
                        handler)),
                dispatch(caseId, task, 3, "2026-11-02T15:00", new TaskHandled(caseId, task, QINDU_PLATFORM,
                        "已清运", "photo-1", at("2026-11-03T09:20"), true, handler)),
                intake(caseId, 3, "2026-11-02T15:05", new VerificationRequested(caseId, task, "inspector-qd-01",
                        "610402001001001", at("2026-11-02T16:05"), Actor.system("case-intake"))),
                intake(caseId, 4, "2026-11-02T16:00", new ReworkRequired(caseId, task, QINDU_PLATFORM,
                        "现场仍有残留垃圾", inspector)),
                dispatch(caseId, task, 4, "2026-11-02T16:10", new ReworkDispatched(caseId, task, QINDU_PLATFORM,
                        at("2026-11-04T16:10"), 1, dispatcher)),
                dispatch(caseId, task, 5, "2026-11-03T10:00", new TaskHandled(caseId, task, QINDU_PLATFORM,
                        "已彻底清理，地面洁净", "photo-2", at("2026-11-04T16:10"), true, handler)),
                intake(caseId, 5, "2026-11-03T10:05", new VerificationRequested(caseId, task, "inspector-qd-01",
                        "610402001001001", at("2026-11-03T11:05"), Actor.system("case-intake"))),
                intake(caseId, 6, "2026-11-03T10:40", new CaseVerified(caseId, task, "PASS", "已清理干净",
                        inspector)),
                intake(caseId, 7, "2026-11-03T10:45", new CaseClosed(caseId, task, operator)),
                dispatch(caseId, task, 6, "2026-11-02T09:41", new TaskAccepted(caseId, task, QINDU_PLATFORM,
                        handler)));
    }

    private static List<CaseEvent> manholeCaseLeftOverdue() {
        String caseId = MANHOLE_CASE;
        String task = caseId + "-T1";
        return List.of(
                intake(caseId, 1, "2026-11-10T09:00", new CaseReported(caseId, "HOTLINE", "01-01-01",
                        "上水井盖破损，存在安全隐患", new GeoPoint(108.71, 34.335), "秦都区渭阳西路",
                        "610402", "610402001002003", "2026.1", new Actor("operator-02", "operator"))),
                intake(caseId, 2, "2026-11-10T09:10", new CaseFiled(caseId, "01-01-01", "610402",
                        "610402001002003", "井盖破损，立案", new Actor("operator-02", "operator"))),
                dispatch(caseId, task, 1, "2026-11-10T09:30", new TaskDispatched(caseId, task, WATER_GROUP,
                        "市水务集团", "01-01-01", "610402", "610402001002003", at("2026-11-13T09:30"),
                        new TimeLimit(3, "WORKING_DAYS"), new Actor("dispatcher-01", "dispatcher"))),
                dispatch(caseId, task, 2, "2026-11-10T10:00", new TaskAccepted(caseId, task, WATER_GROUP,
                        new Actor("water-handler", "department"))));
    }

    private static CaseEvent intake(String caseId, long sequence, String at, CaseEventData data) {
        return CaseEvent.of(Producers.CASE_INTAKE, caseId, sequence, at(at), data);
    }

    private static CaseEvent dispatch(String caseId, String taskId, long sequence, String at, CaseEventData data) {
        return CaseEvent.of(Producers.DISPATCH, taskId, sequence, at(at), data);
    }

    private void publish(List<CaseEvent> events) throws Exception {
        for (CaseEvent event : events) {
            kafka.send(CaseEventTopics.CASE_EVENTS, event.subject(), codec.encode(event)).get();
        }
    }

    private void awaitConsumerCaughtUp() {
        ConsumerGroups.awaitCaughtUp(TestInfrastructure.shared().bootstrapServers(), GROUP, Duration.ofSeconds(30));
    }

    private double appliedEvents() {
        return meters.find("cityloop.assessment.events.applied").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static JwtRequestPostProcessor user(String role, String unit) {
        return jwt().jwt(token -> {
            token.subject(role + "-user").claim("roles", List.of(role));
            if (unit != null) {
                token.claim("unit", unit);
            }
        }).authorities(new RoleAuthorities());
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }
}
