package io.cityloop.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.cityloop.events.Actor;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventCodec;
import io.cityloop.events.CaseEventTopics;
import io.cityloop.events.DeadlineWarning;
import io.cityloop.events.Producers;
import io.cityloop.events.TaskDispatched;
import io.cityloop.events.TaskEscalated;
import io.cityloop.events.TimeLimit;
import io.cityloop.infra.ConsumerGroups;
import io.cityloop.infra.TestInfrastructure;
import io.cityloop.notification.delivery.application.DeliveryGuards;
import io.cityloop.platform.security.RoleAuthorities;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Deliveries through real protocol servers: GreenMail for SMTP and {@link FakeReceivers} playing WeCom, DingTalk,
 * Alibaba Cloud SMS and webhook receivers that check every signature. Each test uses its own unit, so their
 * subscriptions do not meet.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeliveryIntegrationTest {

    private static final String GROUP = "notification-delivery-it-" + UUID.randomUUID();
    private static final FakeReceivers RECEIVERS;
    private static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        try {
            RECEIVERS = new FakeReceivers();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        MAIL.start();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure infra = TestInfrastructure.shared();
        registry.add("spring.kafka.bootstrap-servers", infra::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> infra.indexedMongoUri("cityloop-delivery-it-" + UUID.randomUUID()));
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("cityloop.delivery.require-https", () -> "false");
        registry.add("cityloop.delivery.poll-interval", () -> "50ms");
        registry.add("cityloop.delivery.retry.max-attempts", () -> "10");
        registry.add("cityloop.delivery.retry.base-delay", () -> "50ms");
        registry.add("cityloop.delivery.retry.max-delay", () -> "400ms");
        registry.add("cityloop.delivery.breaker-open-delay", () -> "200ms");
        registry.add("cityloop.delivery.bulkhead-full-delay", () -> "100ms");
        registry.add("cityloop.delivery.endpoint-breaker.sliding-window-size", () -> "4");
        registry.add("cityloop.delivery.endpoint-breaker.minimum-number-of-calls", () -> "4");
        registry.add("cityloop.delivery.endpoint-breaker.wait-in-open-state", () -> "1s");
        registry.add("cityloop.delivery.channel-breaker.wait-in-open-state", () -> "1s");
        registry.add("cityloop.delivery.sms.provider", () -> "aliyun");
        registry.add("cityloop.delivery.sms.aliyun.endpoint", () -> RECEIVERS.url("/sms"));
        registry.add("cityloop.delivery.sms.aliyun.access-key-id", () -> FakeReceivers.ALIYUN_KEY_ID);
        registry.add("cityloop.delivery.sms.aliyun.access-key-secret", () -> FakeReceivers.ALIYUN_KEY_SECRET);
        registry.add("cityloop.delivery.sms.aliyun.sign-name", () -> "咸阳数字城管");
        registry.add("cityloop.delivery.sms.aliyun.templates.DISPATCHED", () -> "SMS_0001");
    }

    @AfterAll
    static void stopServers() {
        RECEIVERS.close();
        MAIL.stop();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    CaseEventCodec codec;
    @Autowired
    DeliveryGuards guards;

    @Test
    void anUrgentDispatchReachesTheUnitByPushWeComDingTalkSmsEmailAndWebhookOnce() throws Exception {
        String unit = "dept-12";
        subscribe(admin(), "UNIT", unit, "WECOM", RECEIVERS.url("/wecom/send?key=" + FakeReceivers.WECOM_KEY), null,
                "DISPATCHED");
        subscribe(department(unit), "UNIT", unit, "DINGTALK", RECEIVERS.url("/dingtalk/robot/send?access_token="
                + FakeReceivers.DINGTALK_TOKEN), FakeReceivers.DINGTALK_SECRET, "DISPATCHED");
        subscribe(department(unit), "UNIT", unit, "SMS", "13800138012", null, "DISPATCHED");
        subscribe(admin(), "UNIT", unit, "EMAIL", "duty12@water.xianyang.gov.cn", null, "DISPATCHED");
        subscribe(admin(), "UNIT", unit, "WEBHOOK", RECEIVERS.url("/hook/ok"), FakeReceivers.WEBHOOK_SECRET,
                "DISPATCHED");
        MvcResult ownStream = mvc.perform(get("/api/notifications/stream").with(department(unit)))
                .andExpect(request().asyncStarted()).andReturn();
        MvcResult otherStream = mvc.perform(get("/api/notifications/stream").with(department("dept-01")))
                .andExpect(request().asyncStarted()).andReturn();

        String caseId = "QD-" + UUID.randomUUID();
        CaseEvent dispatched = dispatched(caseId, unit, new TimeLimit(2, "WORKING_HOURS"));
        publish(dispatched);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(ownStream.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("event:notification")
                    .contains("id:" + dispatched.id()).contains(caseId);
            assertThat(RECEIVERS.wecom).filteredOn(r -> r.body().contains(caseId)).hasSize(1);
            assertThat(RECEIVERS.dingtalk).filteredOn(r -> r.body().contains(caseId)).hasSize(1);
            assertThat(RECEIVERS.sms).filteredOn(r -> r.body().contains(caseId)).hasSize(1);
            assertThat(mailsAbout(caseId)).hasSize(1);
            assertThat(RECEIVERS.webhook("ok")).filteredOn(r -> r.body().contains(caseId)).hasSize(1);
        });
        assertThat(otherStream.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain(caseId);
        FakeReceivers.Received sms = RECEIVERS.sms.stream().filter(r -> r.body().contains(caseId)).findFirst()
                .orElseThrow();
        assertThat(sms.form()).containsEntry("PhoneNumbers", "13800138012").containsEntry("TemplateCode", "SMS_0001")
                .containsEntry("SignName", "咸阳数字城管");
        MimeMessage mail = mailsAbout(caseId).get(0);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("duty12@water.xianyang.gov.cn");
        assertThat(mail.getSubject()).contains("新派遣任务");
        assertThat(mail.getMessageID()).contains("@cityloop");
        String webhookKey = RECEIVERS.webhook("ok").stream().filter(r -> r.body().contains(caseId)).findFirst()
                .orElseThrow().dedupKey();
        assertThat(webhookKey).startsWith(dispatched.id());

        mvc.perform(get("/api/notifications/deliveries").param("notificationId", dispatched.id()).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(5)))
                .andExpect(jsonPath("$[*].status", everyItem(is("SENT"))))
                .andExpect(jsonPath("$[*].urgent", everyItem(is(true))))
                .andExpect(jsonPath("$[*].id", hasItem(webhookKey)));

        // The same event again (a redelivery or a replay): same deliveries, nothing sent twice.
        publish(dispatched);
        awaitConsumerCaughtUp();
        mvc.perform(get("/api/notifications/deliveries").param("notificationId", dispatched.id()).with(admin()))
                .andExpect(jsonPath("$", hasSize(5)));
        assertThat(RECEIVERS.wecom).filteredOn(r -> r.body().contains(caseId)).hasSize(1);
        assertThat(RECEIVERS.webhook("ok")).filteredOn(r -> r.body().contains(caseId)).hasSize(1);
        assertThat(mailsAbout(caseId)).hasSize(1);

        // Read in the inbox: the deliveries say so.
        mvc.perform(post("/api/notifications/{id}/read", dispatched.id()).with(department(unit)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/notifications/deliveries").param("notificationId", dispatched.id())
                        .with(department(unit)))
                .andExpect(jsonPath("$[*].status", everyItem(is("READ"))));
        assertThat(RECEIVERS.signatureFailures).isEmpty();
    }

    @Test
    void anEscalationReachesTheSupervisorsWhateverTheUnit() throws Exception {
        subscribe(admin(), "ROLE", "supervisor", "WEBHOOK", RECEIVERS.url("/hook/supervisors"),
                FakeReceivers.WEBHOOK_SECRET, "ESCALATED");
        MvcResult supervisorStream = mvc.perform(get("/api/notifications/stream").with(user("supervisor", null)))
                .andExpect(request().asyncStarted()).andReturn();
        String caseId = "QD-" + UUID.randomUUID();
        String taskId = caseId + "-T1";
        publish(CaseEvent.of(Producers.DISPATCH, taskId, 4, Instant.now(), new TaskEscalated(caseId, taskId,
                "dept-09", 1, "超期1个工作日未处置，自动督办", Actor.system("deadline-watch"))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(RECEIVERS.webhook("supervisors")).filteredOn(r -> r.body().contains(caseId)).hasSize(1);
            assertThat(supervisorStream.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(caseId).contains("督办通知");
        });
    }

    @Test
    void aFailingReceiverOpensItsBreakerAndOnRecoveryGetsEveryDeliveryOnce() throws Exception {
        String unit = "dept-05";
        subscribe(admin(), "UNIT", unit, "WEBHOOK", RECEIVERS.url("/hook/flaky"), FakeReceivers.WEBHOOK_SECRET,
                "DISPATCHED");
        subscribe(admin(), "UNIT", unit, "WEBHOOK", RECEIVERS.url("/hook/healthy"), FakeReceivers.WEBHOOK_SECRET,
                "DISPATCHED");
        RECEIVERS.flakyFailing.set(true);
        List<CaseEvent> events = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> dispatched("QD-" + UUID.randomUUID(), unit, new TimeLimit(3, "WORKING_DAYS")))
                .toList();
        for (CaseEvent event : events) {
            publish(event);
        }

        // The healthy receiver beside it is not held up by the failing one.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ids(RECEIVERS.webhook("healthy"))).containsAll(eventIds(events)));
        await().atMost(Duration.ofSeconds(30)).until(() -> breaker("/hook/flaky").getState()
                == CircuitBreaker.State.OPEN);
        RECEIVERS.flakyFailing.set(false);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Long> received = RECEIVERS.webhook("flaky").stream()
                    .collect(Collectors.groupingBy(r -> r.dedupKey().substring(0, r.dedupKey().indexOf('~')),
                            Collectors.counting()));
            assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(eventIds(events));
            assertThat(received.values()).containsOnly(1L);
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> breaker("/hook/flaky").getState()
                == CircuitBreaker.State.CLOSED);
        mvc.perform(get("/api/notifications/deliveries").param("unit", unit).with(department(unit)))
                .andExpect(jsonPath("$", hasSize(12)))
                .andExpect(jsonPath("$[*].status", everyItem(is("SENT"))));
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("cityloop_deliveries_total{channel=\"WEBHOOK\",outcome=\"retried\"")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("cityloop_delivery_latency_seconds")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("resilience4j_circuitbreaker_state")));
    }

    @Test
    void aReceiverAnswering410StopsItsSubscription() throws Exception {
        String unit = "dept-06";
        String id = subscribe(admin(), "UNIT", unit, "WEBHOOK", RECEIVERS.url("/hook/gone"),
                FakeReceivers.WEBHOOK_SECRET, "DISPATCHED");
        CaseEvent first = dispatched("QD-" + UUID.randomUUID(), unit, new TimeLimit(3, "WORKING_DAYS"));
        publish(first);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(
                        get("/api/notifications/subscriptions/{id}", id).with(admin()))
                .andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.stoppedReason", containsString("410"))));
        mvc.perform(get("/api/notifications/deliveries").param("notificationId", first.id()).with(admin()))
                .andExpect(jsonPath("$[0].status").value("FAILED"))
                .andExpect(jsonPath("$[0].lastError", containsString("gone")));

        CaseEvent second = dispatched("QD-" + UUID.randomUUID(), unit, new TimeLimit(3, "WORKING_DAYS"));
        publish(second);
        awaitConsumerCaughtUp();
        mvc.perform(get("/api/notifications/deliveries").param("notificationId", second.id()).with(admin()))
                .andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void aReceiverThatNeverRecoversIsDeadLetteredAfterTheLastRetry() throws Exception {
        String unit = "dept-07";
        subscribe(admin(), "UNIT", unit, "WEBHOOK", RECEIVERS.url("/hook/dead"), FakeReceivers.WEBHOOK_SECRET,
                "DISPATCHED");
        CaseEvent event = dispatched("QD-" + UUID.randomUUID(), unit, new TimeLimit(3, "WORKING_DAYS"));
        publish(event);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> mvc.perform(get("/api/notifications/deliveries")
                        .param("notificationId", event.id()).with(admin()))
                .andExpect(jsonPath("$[0].status").value("FAILED"))
                .andExpect(jsonPath("$[0].attempts").value(10))
                .andExpect(jsonPath("$[0].lastError", containsString("HTTP 500"))));
        mvc.perform(get("/api/notifications/deliveries").param("status", "FAILED").with(user("supervisor", null)))
                .andExpect(jsonPath("$[*].notificationIds[0]", hasItem(event.id())));
        mvc.perform(get("/api/notifications/deliveries").param("status", "FAILED").with(department("dept-01")))
                .andExpect(jsonPath("$[*].notificationIds[0]", org.hamcrest.Matchers.not(hasItem(event.id()))));
    }

    @Test
    void warningsWithinTheDigestWindowGoOutAsOneMessage() throws Exception {
        String unit = "dept-08";
        String body = """
                {"scope":"UNIT","target":"%s","channel":"WEBHOOK","endpoint":"%s","secret":"%s",
                 "kinds":["DEADLINE_WARNING"],"digestSeconds":3}""".formatted(unit, RECEIVERS.url("/hook/digest"),
                FakeReceivers.WEBHOOK_SECRET);
        mvc.perform(post("/api/notifications/subscriptions").with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated());
        List<CaseEvent> warnings = java.util.stream.IntStream.range(0, 5).mapToObj(i -> {
            String caseId = "QD-" + UUID.randomUUID();
            return CaseEvent.of(Producers.DISPATCH, caseId + "-T1", 2, Instant.now(), new DeadlineWarning(caseId,
                    caseId + "-T1", unit, Instant.now().plus(Duration.ofHours(1)), Actor.system("deadline-watch")));
        }).toList();
        for (CaseEvent warning : warnings) {
            publish(warning);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String all = RECEIVERS.webhook("digest").stream().map(FakeReceivers.Received::body)
                    .collect(Collectors.joining());
            for (CaseEvent warning : warnings) {
                assertThat(all).containsOnlyOnce("\"notificationId\":\"" + warning.id() + "\"");
            }
        });
        // Five warnings published together: one message, or two when they straddle a window's end.
        assertThat(RECEIVERS.webhook("digest")).hasSizeBetween(1, 2);
        assertThat(RECEIVERS.webhook("digest").get(0).dedupKey()).startsWith("digest~");
    }

    @Test
    void subscriptionsAreValidatedAndUnitsEditOnlyTheirOwn() throws Exception {
        mvc.perform(post("/api/notifications/subscriptions").with(department("dept-11"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"scope":"UNIT","target":"dept-11","channel":"SMS","endpoint":"12345",
                                 "kinds":["DISPATCHED","SOMETHING"],"quietFrom":"25:00","quietTo":"07:00",
                                 "digestSeconds":-1}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='endpoint')].rule").value("mobile-number"))
                .andExpect(jsonPath("$.errors[?(@.field=='kinds')].rule").value("one-of"))
                .andExpect(jsonPath("$.errors[?(@.field=='quietFrom')].rule").value("time"))
                .andExpect(jsonPath("$.errors[?(@.field=='digestSeconds')].rule").value("range"));
        mvc.perform(post("/api/notifications/subscriptions").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"scope":"UNIT","target":"dept-11","channel":"WEBHOOK","endpoint":"ftp://x/y",
                                 "kinds":["DISPATCHED"]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='endpoint')].rule").value("url"))
                .andExpect(jsonPath("$.errors[?(@.field=='secret')].rule").value("min-length"));
        mvc.perform(post("/api/notifications/subscriptions").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"scope":"UNIT","target":"dept-99","channel":"EMAIL","endpoint":"not-an-address",
                                 "kinds":[]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='target')].rule").value("known-unit"))
                .andExpect(jsonPath("$.errors[?(@.field=='endpoint')].rule").value("email"))
                .andExpect(jsonPath("$.errors[?(@.field=='kinds')].rule").value("not-empty"));
        mvc.perform(post("/api/notifications/subscriptions").with(department("dept-01"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"scope":"UNIT","target":"dept-11","channel":"SMS","endpoint":"13800138000",
                                 "kinds":["DISPATCHED"]}"""))
                .andExpect(status().isForbidden());
        String id = subscribe(department("dept-11"), "UNIT", "dept-11", "SMS", "13900139011", null, "OVERDUE");
        mvc.perform(get("/api/notifications/subscriptions/{id}", id).with(department("dept-01")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/notifications/subscriptions").with(department("dept-11")))
                .andExpect(jsonPath("$[?(@.id=='" + id + "')]", hasSize(1)));
        mvc.perform(get("/api/notifications/subscriptions/{id}", id).with(admin()))
                .andExpect(jsonPath("$.secretSet").value(false))
                .andExpect(jsonPath("$.kinds[0]").value("OVERDUE"));
        mvc.perform(get("/api/notifications/stream").with(user("inspector", null)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/notifications/stream").param("unit", "dept-01").with(department("dept-11")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/notifications/deliveries").with(admin()))
                .andExpect(status().isBadRequest());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .delete("/api/notifications/subscriptions/{id}", id).with(department("dept-11")))
                .andExpect(status().isNoContent());
    }

    private String subscribe(JwtRequestPostProcessor who, String scope, String target, String channel,
                             String endpoint, String secret, String kind) throws Exception {
        String body = """
                {"scope":"%s","target":"%s","channel":"%s","endpoint":"%s",%s"kinds":["%s"]}""".formatted(scope,
                target, channel, endpoint, secret == null ? "" : "\"secret\":\"" + secret + "\",", kind);
        String answer = mvc.perform(post("/api/notifications/subscriptions").with(who)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.active").value(true))
                .andReturn().getResponse().getContentAsString();
        return com.jayway.jsonpath.JsonPath.read(answer, "$.id");
    }

    private CircuitBreaker breaker(String path) {
        return guards.breakers().getAllCircuitBreakers().stream()
                .filter(breaker -> breaker.getName().startsWith("endpoint:") && breaker.getName().contains(path))
                .findFirst().orElseThrow();
    }

    private List<MimeMessage> mailsAbout(String caseId) {
        return java.util.Arrays.stream(MAIL.getReceivedMessages()).filter(message -> {
            try {
                return String.valueOf(message.getContent()).contains(caseId);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static List<String> ids(List<FakeReceivers.Received> received) {
        return received.stream().map(r -> r.dedupKey().substring(0, r.dedupKey().indexOf('~'))).toList();
    }

    private static List<String> eventIds(List<CaseEvent> events) {
        return events.stream().map(CaseEvent::id).collect(Collectors.toList());
    }

    private static CaseEvent dispatched(String caseId, String unit, TimeLimit limit) {
        String taskId = caseId + "-T1";
        return CaseEvent.of(Producers.DISPATCH, taskId, 1, Instant.now(), new TaskDispatched(caseId, taskId, unit,
                null, "02-04-06", "610402", "610402001002003", Instant.now().plus(Duration.ofHours(2)), limit,
                new Actor("dispatcher-01", "dispatcher")));
    }

    private void publish(CaseEvent event) throws Exception {
        kafka.send(CaseEventTopics.CASE_EVENTS, event.subject(), codec.encode(event)).get();
    }

    private void awaitConsumerCaughtUp() {
        ConsumerGroups.awaitCaughtUp(TestInfrastructure.shared().bootstrapServers(), GROUP, Duration.ofSeconds(30));
    }

    private static JwtRequestPostProcessor admin() {
        return user("admin", null);
    }

    private static JwtRequestPostProcessor department(String unit) {
        return user("department", unit);
    }

    private static JwtRequestPostProcessor user(String role, String unit) {
        return jwt().jwt(token -> {
            token.subject(role + "-" + (unit == null ? "user" : unit)).claim("roles", List.of(role));
            if (unit != null) {
                token.claim("unit", unit);
            }
        }).authorities(new RoleAuthorities());
    }

}
