package io.cityloop.assessment.close;

import static io.cityloop.assessment.facts.application.SimulatedMonth.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.cityloop.assessment.close.application.Actor;
import io.cityloop.assessment.close.application.MonthCloseService;
import io.cityloop.assessment.facts.application.CaseFactsStore;
import io.cityloop.assessment.facts.application.FactsCatchUp;
import io.cityloop.assessment.facts.application.ProjectionRebuild;
import io.cityloop.assessment.facts.application.SimulatedMonth;
import io.cityloop.assessment.facts.model.CaseFacts;
import io.cityloop.assessment.month.model.MonthState;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventCodec;
import io.cityloop.events.CaseEventTopics;
import io.cityloop.infra.TestInfrastructure;
import io.cityloop.platform.security.RoleAuthorities;

/**
 * A simulated November 2026 seen on 5 December: live scorecard, freeze, late events ignored, publish, appeals,
 * audited corrections, finalisation, exports, one freeze among racing replicas, and the rebuild from offset 0.
 */
@SpringBootTest
@AutoConfigureMockMvc
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class MonthCloseIntegrationTest {

    private static final String PREFIX = "QD-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String QINDU = "district-610402";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure infra = TestInfrastructure.shared();
        registry.add("spring.kafka.bootstrap-servers", infra::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> infra.indexedMongoUri("cityloop-assessment-close-" + UUID.randomUUID()));
        registry.add("spring.kafka.consumer.group-id", () -> "assessment-close-it-" + UUID.randomUUID());
        registry.add("cityloop.assessment.close.auto-freeze", () -> "false");
        // other test classes share the broker: read only what is published once the listener is assigned
        registry.add("spring.kafka.consumer.auto-offset-reset", () -> "latest");
    }

    @Autowired
    org.springframework.kafka.config.KafkaListenerEndpointRegistry listeners;

    /** Caught up unless a test says otherwise: with "latest", partitions this group never read count as unread. */
    @MockitoBean
    FactsCatchUp catchUp;

    @org.junit.jupiter.api.BeforeEach
    void factsCaughtUp() {
        when(catchUp.caughtUpWithin(any())).thenReturn(true);
    }

    @org.junit.jupiter.api.BeforeEach
    void listenerAssigned() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(listeners.getListenerContainers())
                .allSatisfy(container -> assertThat(container.getAssignedPartitions()).isNotEmpty()));
    }

    @TestConfiguration
    static class FifthOfDecember {
        @Bean
        Clock clock() {
            return Clock.fixed(at("2026-12-05T10:00"), SimulatedMonth.SHANGHAI);
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
    MonthCloseService close;
    @Autowired
    ProjectionRebuild rebuild;

    @Test
    @org.junit.jupiter.api.Order(1)
    void aMonthIsFrozenPublishedAppealedAndFinalised() throws Exception {
        List<List<CaseEvent>> cases = SimulatedMonth.casesOf(PREFIX);
        publishAndAwait(cases);
        String reworked = PREFIX + "-2";

        mvc.perform(get("/api/scorecards/2026-11/departments").with(user("supervisor", null)))
                .andExpect(jsonPath("$.state").value("DRAFT"))
                .andExpect(jsonPath("$.rows[21].dispatched").value(2))
                .andExpect(jsonPath("$.rows[21].handledOnTime").value(1))
                .andExpect(jsonPath("$.rows[21].score").value(64.0));

        mvc.perform(post("/api/assessment-months/2026-11/publish").with(user("supervisor", null)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://cityloop.io/problems/invalid-transition"));
        // 5 December is past the first working day of December: the scheduled check freezes November once
        assertThat(close.closeDueMonth()).isTrue();
        assertThat(close.closeDueMonth()).isFalse();
        mvc.perform(get("/api/assessment-months/2026-11").with(user("supervisor", null)))
                .andExpect(jsonPath("$.state").value("FROZEN"))
                .andExpect(jsonPath("$.schemeReference").value("gbt30428-default@2026.1"))
                .andExpect(jsonPath("$.audit[0].action").value("freeze"))
                .andExpect(jsonPath("$.audit[0].actor").value(Actor.SCHEDULER.id()));
        mvc.perform(post("/api/assessment-months/2026-11/freeze").with(user("supervisor", null)))
                .andExpect(status().isConflict());

        // a late report of November handled on time arrives after the freeze: the frozen month does not move
        publishAndAwait(List.of(SimulatedMonth.casesOf(PREFIX + "-late").get(0)));
        mvc.perform(get("/api/scorecards/2026-11/departments").with(user("supervisor", null)))
                .andExpect(jsonPath("$.state").value("FROZEN"))
                .andExpect(jsonPath("$.live").value(false))
                .andExpect(jsonPath("$.cutOff").value("2026-12-01T00:00:00+08:00"))
                .andExpect(jsonPath("$.rows[21].dispatched").value(2));

        mvc.perform(post("/api/assessment-months/2026-11/appeals").with(user("department", QINDU))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"caseIds\":[\"" + reworked + "\"],\"reason\":\"系统故障\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/assessment-months/2026-11/publish").with(user("supervisor", null)))
                .andExpect(jsonPath("$.state").value("PUBLISHED"));

        mvc.perform(post("/api/assessment-months/2026-11/appeals").with(user("department", QINDU))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"caseIds\":[\"" + PREFIX + "-5\"],\"reason\":\"不是我们的案件\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("caseIds"))
                .andExpect(jsonPath("$.errors[0].rule").value("counted-for-unit"));
        String upheld = appealId(mvc.perform(post("/api/assessment-months/2026-11/appeals")
                        .with(user("department", QINDU)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"caseIds\":[\"" + reworked + "\"],\"reason\":\"返工后已按期处置，反馈时系统故障\","
                                + "\"effect\":\"COUNT_ON_TIME\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("PENDING"))
                .andReturn().getResponse().getContentAsString());
        String rejected = appealId(mvc.perform(post("/api/assessment-months/2026-11/appeals")
                        .with(user("department", QINDU)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"caseIds\":[\"" + PREFIX + "-1\"],\"reason\":\"重复计数\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());

        mvc.perform(post("/api/appeals/" + upheld + "/decision").with(user("department", QINDU))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"UPHOLD\",\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/appeals/" + upheld + "/decision").with(user("supervisor", null))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"UPHOLD\",\"reason\":\"核实系统日志，属实\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("UPHELD"))
                .andExpect(jsonPath("$.history", hasSize(2)));
        mvc.perform(post("/api/appeals/" + upheld + "/decision").with(user("supervisor", null))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"REJECT\",\"reason\":\"x\"}"))
                .andExpect(status().isConflict());
        // the correction applies: the reworked case now counts as handled on time
        mvc.perform(get("/api/scorecards/2026-11/departments").with(user("department", QINDU)))
                .andExpect(jsonPath("$.rows", hasSize(1)))
                .andExpect(jsonPath("$.rows[0].handledOnTime").value(2))
                .andExpect(jsonPath("$.rows[0].handledLate").value(0))
                .andExpect(jsonPath("$.ranking").isArray());

        mvc.perform(post("/api/assessment-months/2026-11/close-appeals").with(user("supervisor", null)))
                .andExpect(jsonPath("$.state").value("APPEALS"));
        mvc.perform(post("/api/assessment-months/2026-11/finalize").with(user("supervisor", null)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("1 undecided appeal")));
        mvc.perform(post("/api/appeals/" + rejected + "/decision").with(user("supervisor", null))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"REJECT\",\"reason\":\"不属实\"}"))
                .andExpect(jsonPath("$.state").value("REJECTED"));
        mvc.perform(post("/api/assessment-months/2026-11/finalize").with(user("supervisor", null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("FINAL"));

        mvc.perform(get("/api/assessment-months/2026-11").with(user("supervisor", null)))
                .andExpect(jsonPath("$.audit[*].action").value(org.hamcrest.Matchers.contains("freeze", "publish",
                        "appeal-filed " + upheld, "appeal-filed " + rejected, "appeal-upheld " + upheld,
                        "close-appeals", "appeal-rejected " + rejected, "finalize")));
        mvc.perform(post("/api/assessment-months/2026-11/appeals").with(user("department", QINDU))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"caseIds\":[\"" + reworked + "\"],\"reason\":\"再次申诉\"}"))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/scorecards/2026-11/departments").with(user("supervisor", null)))
                .andExpect(jsonPath("$.state").value("FINAL"))
                .andExpect(jsonPath("$.rows[21].handledOnTime").value(2));

        exportsCarryChineseHeadersTheSchemeAndTheCutOff();
    }

    private void exportsCarryChineseHeadersTheSchemeAndTheCutOff() throws Exception {
        byte[] csv = mvc.perform(get("/api/scorecards/2026-11/departments/export").param("format", "csv")
                        .with(user("supervisor", null)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("scorecard-2026-11-unit.csv")))
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF考核月份,2026-11")
                .contains("考核方案,GB/T 30428 综合评价默认方案 gbt30428-default@2026.1")
                .contains("截止时点,2026-12-01T00:00+08:00")
                .contains("单位编号,处置单位,单位类型,案件量,综合指标值,排名,等级")
                .contains("district-610402,秦都区,DISTRICT,2,");

        byte[] xlsx = mvc.perform(get("/api/scorecards/2026-11/districts/export").param("format", "xlsx")
                        .with(user("supervisor", null)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).endsWith("gbt30428-default@2026.1");
            assertThat(sheet.getRow(6).getCell(0).getStringCellValue()).isEqualTo("区县代码");
            assertThat(sheet.getRow(7).getCell(0).getStringCellValue()).isEqualTo("610402");
            assertThat(sheet.getRow(7).getCell(1).getStringCellValue()).isEqualTo("秦都区");
        }
        mvc.perform(get("/api/scorecards/2026-11/districts/export").param("format", "pdf")
                        .with(user("supervisor", null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("format"));
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void ofReplicasRacingToFreezeAMonthExactlyOneWins() throws Exception {
        YearMonth october = YearMonth.of(2026, 10);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> replicas = List.of(freezer(october), freezer(october), freezer(october),
                    freezer(october));
            long winners = 0;
            for (Future<Boolean> result : pool.invokeAll(replicas)) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isOne();
        } finally {
            pool.shutdown();
        }
        assertThat(close.state(october).state()).isEqualTo(MonthState.FROZEN);
        assertThat(close.state(october).audit()).hasSize(1);

        mvc.perform(post("/api/assessment-months/2026-09/freeze").with(user("department", QINDU)))
                .andExpect(status().isForbidden());
        when(catchUp.caughtUpWithin(any())).thenReturn(false);
        mvc.perform(post("/api/assessment-months/2026-09/freeze").with(user("supervisor", null)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.type").value("https://cityloop.io/problems/unavailable"))
                .andExpect(jsonPath("$.detail").value(containsString("still reading case events")));
        assertThat(close.state(YearMonth.of(2026, 9)).state()).isEqualTo(MonthState.DRAFT);
        when(catchUp.caughtUpWithin(any())).thenReturn(true);
        mvc.perform(post("/api/assessment-months/2026-09/freeze").with(user("supervisor", null))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"月度考核截止\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("FROZEN"))
                .andExpect(jsonPath("$.audit[0].actor").value("supervisor-user"))
                .andExpect(jsonPath("$.audit[0].reason").value("月度考核截止"));
        mvc.perform(post("/api/assessment-months/2026-12/freeze").with(user("supervisor", null)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("still running")));
    }

    /** Last: the rebuild reads the whole shared topic, other test classes' cases included. */
    @Test
    @org.junit.jupiter.api.Order(3)
    void droppingTheProjectionAndReplayingFromOffsetZeroGivesIdenticalFacts() throws Exception {
        String prefix = PREFIX + "-rebuild";
        List<List<CaseEvent>> cases = new java.util.ArrayList<>(SimulatedMonth.casesOf(prefix));
        cases.add(SimulatedMonth.confirmedReport(prefix + "-confirmed"));
        publishAndAwait(cases);
        assertThat(facts.find(prefix + "-confirmed").orElseThrow().confirmation().answeredOnTime()).isTrue();
        List<CaseFacts> before = cases.stream().map(events -> facts.find(events.get(0).subject()).orElseThrow())
                .toList();

        ProjectionRebuild.Result result = rebuild.rebuild();

        assertThat(result.eventsRead()).isGreaterThanOrEqualTo(cases.stream().mapToLong(List::size).sum());
        List<CaseFacts> after = cases.stream().map(events -> facts.find(events.get(0).subject()).orElseThrow())
                .toList();
        assertThat(after).isEqualTo(before);
        mvc.perform(post("/api/assessment/projection/rebuild").with(user("supervisor", null)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/assessment/cases/" + prefix + "-3").with(user("supervisor", null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ledger[0].kind").value("UNIT_HANDLING"))
                .andExpect(jsonPath("$.ledger[0].unitId").value("dept-01"))
                .andExpect(jsonPath("$.ledger[0].workingMinutes").value(40.0))
                .andExpect(jsonPath("$.ledger[1].kind").value("WITH_DISPATCHER"))
                .andExpect(jsonPath("$.ledger[1].workingMinutes").value(20.0));
    }

    private Callable<Boolean> freezer(YearMonth month) {
        return () -> {
            try {
                close.freeze(month, new Actor("supervisor-" + UUID.randomUUID(), "supervisor", null), "race");
                return true;
            } catch (RuntimeException lost) {
                return false;
            }
        };
    }

    private void publishAndAwait(List<List<CaseEvent>> cases) throws Exception {
        for (List<CaseEvent> events : cases) {
            for (CaseEvent event : events) {
                kafka.send(CaseEventTopics.CASE_EVENTS, event.subject(), codec.encode(event)).get();
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (List<CaseEvent> events : cases) {
                assertThat(facts.find(events.get(0).subject()))
                        .hasValueSatisfying(c -> assertThat(c.appliedEventIds()).hasSize(events.size()));
            }
        });
    }

    private static String appealId(String json) {
        int start = json.indexOf("\"id\":\"") + 6;
        return json.substring(start, json.indexOf('"', start));
    }

    private static JwtRequestPostProcessor user(String role, String unit) {
        return jwt().jwt(token -> {
            token.subject(role + "-user").claim("roles", List.of(role));
            if (unit != null) {
                token.claim("unit", unit);
            }
        }).authorities(new RoleAuthorities());
    }
}
