package io.cityloop.notification.inbox;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import io.cityloop.events.Actor;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventCodec;
import io.cityloop.events.CaseEventTopics;
import io.cityloop.events.DeadlineWarning;
import io.cityloop.events.Producers;
import io.cityloop.events.ReworkDispatched;
import io.cityloop.events.TaskDispatched;
import io.cityloop.events.TaskEscalated;
import io.cityloop.events.TimeLimit;
import io.cityloop.infra.ConsumerGroups;
import io.cityloop.infra.TestInfrastructure;
import io.cityloop.platform.security.RoleAuthorities;

/** 市水务集团 (dept-16) receives a broken manhole cover in 秦都区, then its rework. */
@SpringBootTest
@AutoConfigureMockMvc
class NotificationIntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String GROUP = "notification-it-" + UUID.randomUUID();
    private static final String WATER_GROUP = "dept-16";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure infra = TestInfrastructure.shared();
        registry.add("spring.kafka.bootstrap-servers", infra::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> infra.indexedMongoUri("cityloop-notification-it-" + UUID.randomUUID()));
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
    }

    @TestConfiguration
    static class TenthOfNovember {
        @Bean
        Clock clock() {
            return Clock.fixed(at("2026-11-10T10:00"), SHANGHAI);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    CaseEventCodec codec;

    @Test
    void dispatchReachesTheUnitOnceAndCanBeMarkedRead() throws Exception {
        String caseId = "QD-20261110-" + UUID.randomUUID();
        CaseEvent dispatched = dispatched(caseId);

        publish(dispatched);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/notifications")
                        .with(user("department", WATER_GROUP)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.caseId == '" + caseId + "')]", hasSize(1))));

        mvc.perform(get("/api/notifications").with(user("department", WATER_GROUP)))
                .andExpect(jsonPath("$[0].id").value(dispatched.id()))
                .andExpect(jsonPath("$[0].unitId").value(WATER_GROUP))
                .andExpect(jsonPath("$[0].kind").value("DISPATCHED"))
                .andExpect(jsonPath("$[0].title").value("新派遣任务"))
                .andExpect(jsonPath("$[0].categoryCode").value("01-01-01"))
                .andExpect(jsonPath("$[0].message").value("案件 " + caseId
                        + "（01-01-01 上水井盖）已派遣至市水务集团，请于 2026-11-13 09:30 前处置完毕。"))
                .andExpect(jsonPath("$[0].createdAt").value("2026-11-10T09:30:00+08:00"))
                .andExpect(jsonPath("$[0].read").value(false));
        mvc.perform(get("/api/notifications").with(user("department", "dept-01")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.caseId == '" + caseId + "')]", hasSize(0)));

        publish(dispatched);
        awaitConsumerCaughtUp();
        mvc.perform(get("/api/notifications").param("unit", WATER_GROUP).with(user("supervisor", null)))
                .andExpect(jsonPath("$[?(@.caseId == '" + caseId + "')]", hasSize(1)));

        mvc.perform(post("/api/notifications/{id}/read", dispatched.id()).with(user("department", "dept-01")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/notifications/{id}/read", dispatched.id()).with(user("department", WATER_GROUP)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.read").value(true))
                .andExpect(jsonPath("$.readAt").value("2026-11-10T10:00:00+08:00"));
        mvc.perform(post("/api/notifications/{id}/read", dispatched.id()).with(user("department", WATER_GROUP)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.readAt").value("2026-11-10T10:00:00+08:00"));
        mvc.perform(get("/api/notifications").param("unreadOnly", "true").with(user("department", WATER_GROUP)))
                .andExpect(jsonPath("$[?(@.caseId == '" + caseId + "')]", hasSize(0)));
    }

    @Test
    void reworkNamesTheCategoryOfTheEarlierDispatch() throws Exception {
        String caseId = "QD-20261110-" + UUID.randomUUID();
        String taskId = caseId + "-T1";
        CaseEvent rework = CaseEvent.of(Producers.DISPATCH, taskId, 5, at("2026-11-12T16:10"),
                new ReworkDispatched(caseId, taskId, WATER_GROUP, at("2026-11-16T16:10"), 1,
                        Actor.system("auto-routing")));

        publish(dispatched(caseId));
        awaitConsumerCaughtUp();
        publish(rework);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/notifications")
                        .param("limit", "1").with(user("department", WATER_GROUP)))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value(rework.id()))
                .andExpect(jsonPath("$[0].kind").value("REWORK"))
                .andExpect(jsonPath("$[0].title").value("返工任务"))
                .andExpect(jsonPath("$[0].readAt").value(nullValue()))
                .andExpect(jsonPath("$[0].message").value("案件 " + caseId
                        + "（01-01-01 上水井盖）核查未通过，已退回市水务集团返工（第 1 次），请于 2026-11-16 16:10 前重新处置。")));
    }

    @Test
    void theDeadlineWatchWarnsAndEscalatesToTheUnit() throws Exception {
        String caseId = "QD-20261110-" + UUID.randomUUID();
        String taskId = caseId + "-T1";
        Actor watch = Actor.system("deadline-watch");
        CaseEvent warning = CaseEvent.of(Producers.DISPATCH, taskId, 2, at("2026-11-13T08:40"),
                new DeadlineWarning(caseId, taskId, WATER_GROUP, at("2026-11-13T09:30"), watch));
        CaseEvent escalated = CaseEvent.of(Producers.DISPATCH, taskId, 4, at("2026-11-16T09:30"),
                new TaskEscalated(caseId, taskId, WATER_GROUP, 1, "超期1个工作日未处置，自动督办", watch));

        publish(dispatched(caseId));
        awaitConsumerCaughtUp();
        publish(warning);
        publish(escalated);
        publish(escalated);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/notifications")
                        .with(user("department", WATER_GROUP)))
                .andExpect(jsonPath("$[?(@.caseId == '" + caseId + "')]", hasSize(3)))
                .andExpect(jsonPath("$[?(@.id == '" + warning.id() + "')].message").value(
                        "案件 " + caseId + "（01-01-01 上水井盖）即将超期（黄灯），请于 2026-11-13 09:30 前反馈处置结果。"))
                .andExpect(jsonPath("$[?(@.id == '" + escalated.id() + "')].title").value("督办通知"))
                .andExpect(jsonPath("$[?(@.id == '" + escalated.id() + "')].message").value(
                        "案件 " + caseId + "（01-01-01 上水井盖）超期未处置，已被督办（第 1 级），请立即处置并反馈。")));
        mvc.perform(get("/api/notifications").with(user("department", "dept-01")))
                .andExpect(jsonPath("$[?(@.caseId == '" + caseId + "')]", hasSize(0)));
    }

    @Test
    void theServiceIsUpWithoutAnSmtpServer() throws Exception {
        // No CITYLOOP_MAIL_HOST here: e-mail is a channel that may be away, not a reason to leave the rotation.
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void othersAreTurnedAwayAndBadInputIsNamed() throws Exception {
        mvc.perform(get("/api/notifications").with(user("inspector", null)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/notifications").param("unit", "dept-01").with(user("department", WATER_GROUP)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/notifications").param("limit", "0").with(user("department", WATER_GROUP)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(post("/api/notifications/{id}/read", "no-such-id").with(user("department", WATER_GROUP)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/notifications/{id}/read", "no-such-id").with(user("supervisor", null)))
                .andExpect(status().isForbidden());
    }

    private static CaseEvent dispatched(String caseId) {
        String taskId = caseId + "-T1";
        return CaseEvent.of(Producers.DISPATCH, taskId, 1, at("2026-11-10T09:30"), new TaskDispatched(caseId,
                taskId, WATER_GROUP, "市水务集团", "01-01-01", "610402", "610402001002003", at("2026-11-13T09:30"),
                new TimeLimit(3, "WORKING_DAYS"), new Actor("dispatcher-01", "dispatcher")));
    }

    private void publish(CaseEvent event) throws Exception {
        kafka.send(CaseEventTopics.CASE_EVENTS, event.subject(), codec.encode(event)).get();
    }

    private void awaitConsumerCaughtUp() {
        ConsumerGroups.awaitCaughtUp(TestInfrastructure.shared().bootstrapServers(), GROUP, Duration.ofSeconds(30));
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
