package io.cityloop.dispatch.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import io.cityloop.dispatch.CaseEventTap;
import io.cityloop.dispatch.DispatchIntegrationTestSupport;
import io.cityloop.dispatch.MutableClock;
import io.cityloop.dispatch.task.application.TaskNotFoundException;
import io.cityloop.dispatch.task.application.TaskQueries;
import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskId;
import io.cityloop.dispatch.task.model.TaskStatus;
import io.cityloop.events.Actor;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventCodec;
import io.cityloop.events.CaseEventTopics;
import io.cityloop.events.CaseEventType;
import io.cityloop.events.CaseFiled;
import io.cityloop.events.Producers;
import io.cityloop.events.ReworkDispatched;
import io.cityloop.events.ReworkRequired;
import io.cityloop.events.TaskAccepted;
import io.cityloop.events.TaskDispatched;
import io.cityloop.events.TaskHandled;
import io.cityloop.events.TimeLimit;
import io.cityloop.infra.TestInfrastructure;
import io.cityloop.platform.security.RoleAuthorities;
import io.cityloop.reference.CityReference;
import io.cityloop.reference.GridLocation;

/** The service seen from the topic: filed and rework-required in, task events out. */
class DispatchEventsIntegrationTest extends DispatchIntegrationTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant SUNDAY_1700 = MutableClock.shanghai(2026, 9, 20, 17, 0);
    private static final Instant MONDAY_1000 = MutableClock.shanghai(2026, 9, 21, 10, 0);
    private static final Instant TUESDAY_1000 = MutableClock.shanghai(2026, 9, 22, 10, 0);

    @Autowired
    private KafkaTemplate<String, String> kafka;
    @Autowired
    private CaseEventCodec codec;
    @Autowired
    private TaskQueries queries;
    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private MockMvc mvc;
    @Autowired
    private CityReference reference;

    private CaseEventTap tap;

    @BeforeEach
    void openTap() {
        tap = new CaseEventTap(TestInfrastructure.shared().bootstrapServers(), CaseEventTopics.CASE_EVENTS);
    }

    @AfterEach
    void closeTap() {
        tap.close();
    }

    @Autowired
    private io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void aFilingNotPublishedByCaseIntakeIsRefusedLoggedAndCountedAndMakesNoTask() throws Exception {
        String genuine = newCaseId("QD");
        GridLocation where = reference.grid().locate(108.70, 34.34).orElseThrow();
        double before = refused("untrusted-source");

        String[] sources = {Producers.DISPATCH, "/outside/kafka-client"};
        for (int i = 0; i < sources.length; i++) {
            String source = sources[i];
            double expected = before + i + 1;
            String forged = newCaseId("QD");
            publish(CaseEvent.of(source, forged, 2, FRIDAY_1700, new CaseFiled(forged, "02-01-01",
                    where.districtCode(), where.cellCode(), "伪造", new Actor("operator-li", "operator"))));
            await().atMost(PATIENCE).until(() -> refused("untrusted-source") >= expected);
            assertThat(find(TaskId.firstOf(forged))).isEmpty();
        }
        publish(filed(genuine, "02-01-01", where));
        assertThat(awaitTask(genuine).assignment().unitId()).isEqualTo("district-610402");
        assertThat(refused("untrusted-source")).isEqualTo(before + 2);
    }

    private double refused(String reason) {
        io.micrometer.core.instrument.Counter counter = meters.find("cityloop_events_refused_total")
                .tags("service", "dispatch", "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void filedCaseBecomesATaskForTheDistrictWithADeadlineOnTheWorkingCalendar() throws Exception {
        String caseId = newCaseId("QD");
        GridLocation where = reference.grid().locate(108.70, 34.34).orElseThrow();

        publish(filed(caseId, "02-01-01", where));

        Task task = awaitTask(caseId);
        assertThat(task.assignment().unitId()).isEqualTo("district-610402");
        assertThat(task.assignment().unitName()).isEqualTo("秦都区");
        assertThat(task.subject().gridCode()).isEqualTo(where.cellCode());
        // Friday 17:00 + 1 working day: 1 h on Friday, 6 h on the 调休 Sunday 2026-09-20.
        assertThat(task.countdown().deadline()).isEqualTo(SUNDAY_1700);

        TaskDispatched dispatched = awaitEvent(caseId, CaseEventType.DISPATCHED).dataAs(TaskDispatched.class);
        assertThat(dispatched.taskId()).isEqualTo(TaskId.firstOf(caseId).value());
        assertThat(dispatched.unitId()).isEqualTo("district-610402");
        assertThat(dispatched.unitName()).isEqualTo("秦都区");
        assertThat(dispatched.categoryCode()).isEqualTo("02-01-01");
        assertThat(dispatched.districtCode()).isEqualTo("610402");
        assertThat(dispatched.deadline()).isEqualTo(SUNDAY_1700);
        assertThat(dispatched.timeLimit()).isEqualTo(new TimeLimit(1, "WORKING_DAYS"));
        assertThat(dispatched.actor()).isEqualTo(Actor.system("auto-routing"));
    }

    @Test
    void componentCaseGoesToItsOwner() throws Exception {
        String caseId = newCaseId("WC");
        GridLocation where = reference.grid().locate(108.75, 34.35).orElseThrow();

        publish(filed(caseId, "01-01-01", where));

        Task task = awaitTask(caseId);
        assertThat(task.assignment().unitId()).isEqualTo("dept-16");
        assertThat(task.assignment().unitName()).isEqualTo("市水务集团");
        assertThat(task.subject().districtCode()).isEqualTo(where.districtCode());
    }

    @Test
    void aFilingNamingTheComponentOwnerIsRoutedByTheOwnerRule() throws Exception {
        String caseId = newCaseId("WC");
        GridLocation weicheng = reference.grid().locate(108.75, 34.35).orElseThrow();

        publish(CaseEvent.of(Producers.CASE_INTAKE, caseId, 2, FRIDAY_1700,
                new CaseFiled(caseId, "02-04-06", weicheng.districtCode(), weicheng.cellCode(), "燃气井盖缺失",
                        new Actor("operator-li", "operator"), "dept-17")));

        Task task = awaitTask(caseId);
        assertThat(task.assignment().unitId()).isEqualTo("dept-17");
        assertThat(task.assignment().ruleId()).isEqualTo("owner-02-04-06-dept-17");
    }

    @Test
    void redeliveredFilingCreatesNoSecondTask() throws Exception {
        String caseId = newCaseId("QD");
        CaseEvent filed = filed(caseId, "02-01-01", reference.grid().locate(108.70, 34.34).orElseThrow());
        publish(filed);
        awaitTask(caseId);
        awaitEvent(caseId, CaseEventType.DISPATCHED);

        RecordMetadata redelivery = publish(filed);
        awaitConsumedPast(redelivery);

        assertThat(mongo.count(Query.query(Criteria.where("caseId").is(caseId)), "tasks")).isEqualTo(1);
        Task task = queries.get(TaskId.firstOf(caseId));
        assertThat(task.journal().history()).hasSize(1);
        assertThat(tap.eventsOf(caseId).stream().filter(e -> e.type() == CaseEventType.DISPATCHED)).hasSize(1);
    }

    @Test
    void unitStepsArePublishedAndFailedCheckSendsTheTaskBackForRework() throws Exception {
        String caseId = newCaseId("QD");
        String taskId = TaskId.firstOf(caseId).value();
        publish(filed(caseId, "02-01-01", reference.grid().locate(108.70, 34.34).orElseThrow()));
        awaitTask(caseId);

        clock.set(MutableClock.shanghai(2026, 9, 20, 9, 0));
        mvc.perform(post("/api/tasks/{id}/accept", taskId).with(qinduPlatform())).andExpect(status().isOk());
        clock.set(MutableClock.shanghai(2026, 9, 20, 11, 0));
        mvc.perform(post("/api/tasks/{id}/feedback", taskId).with(qinduPlatform())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"垃圾已清运\",\"photoRef\":\"gridfs:66f1a2\"}"))
                .andExpect(status().isOk());

        CaseEvent accepted = awaitEvent(caseId, CaseEventType.ACCEPTED);
        assertThat(accepted.dataAs(TaskAccepted.class).actor()).isEqualTo(new Actor("qindu-user", "department"));
        assertThat(accepted.sequence()).isEqualTo(2);
        CaseEvent handled = awaitEvent(caseId, CaseEventType.HANDLED);
        TaskHandled handledData = handled.dataAs(TaskHandled.class);
        assertThat(handledData.onTime()).isTrue();
        assertThat(handledData.note()).isEqualTo("垃圾已清运");
        assertThat(handledData.photoRef()).isEqualTo("gridfs:66f1a2");
        assertThat(handledData.deadline()).isEqualTo(SUNDAY_1700);
        assertThat(handled.source()).isEqualTo(Producers.DISPATCH);

        clock.set(MONDAY_1000);
        CaseEvent rework = CaseEvent.of(Producers.CASE_INTAKE, caseId, 9, MONDAY_1000,
                new ReworkRequired(caseId, taskId, "district-610402", "现场仍有垃圾残留",
                        new Actor("inspector-zhang", "inspector")));
        publish(rework);

        CaseEvent reworkDispatched = awaitEvent(caseId, CaseEventType.REWORK_DISPATCHED);
        ReworkDispatched reworkData = reworkDispatched.dataAs(ReworkDispatched.class);
        assertThat(reworkData.deadline()).isEqualTo(TUESDAY_1000);
        assertThat(reworkData.reworkCount()).isEqualTo(1);
        assertThat(reworkData.actor().role()).isEqualTo(Actor.SYSTEM_ROLE);
        assertThat(reworkDispatched.sequence()).isEqualTo(4);
        Task reopened = queries.get(new TaskId(taskId));
        assertThat(reopened.status()).isEqualTo(TaskStatus.REWORK);
        assertThat(reopened.countdown().deadline()).isEqualTo(TUESDAY_1000);

        RecordMetadata redelivery = publish(rework);
        awaitConsumedPast(redelivery);
        assertThat(queries.get(new TaskId(taskId)).handling().reworkCount()).isEqualTo(1);
        assertThat(tap.eventsOf(caseId).stream().filter(e -> e.type() == CaseEventType.REWORK_DISPATCHED))
                .hasSize(1);
    }

    private CaseEvent filed(String caseId, String categoryCode, GridLocation where) {
        return CaseEvent.of(Producers.CASE_INTAKE, caseId, 2, FRIDAY_1700,
                new CaseFiled(caseId, categoryCode, where.districtCode(), where.cellCode(), "符合立案标准",
                        new Actor("operator-li", "operator")));
    }

    private RecordMetadata publish(CaseEvent event) throws Exception {
        return kafka.send(CaseEventTopics.CASE_EVENTS, event.subject(), codec.encode(event)).get()
                .getRecordMetadata();
    }

    private Task awaitTask(String caseId) {
        TaskId id = TaskId.firstOf(caseId);
        return await().atMost(PATIENCE).until(() -> find(id), Optional::isPresent).orElseThrow();
    }

    private Optional<Task> find(TaskId id) {
        try {
            return Optional.of(queries.get(id));
        } catch (TaskNotFoundException e) {
            return Optional.empty();
        }
    }

    private CaseEvent awaitEvent(String caseId, CaseEventType type) {
        return await().atMost(PATIENCE)
                .until(() -> tap.eventsOf(caseId).stream().filter(e -> e.type() == type).findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    /** Waits until this service's consumer group has committed past the record, i.e. it was handled. */
    private void awaitConsumedPast(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.shared().bootstrapServers()))) {
            await().atMost(PATIENCE).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata().get();
                OffsetAndMetadata offset = committed.get(partition);
                return offset != null && offset.offset() > record.offset();
            });
        }
    }

    private static JwtRequestPostProcessor qinduPlatform() {
        return jwt().jwt(j -> j.subject("qindu-user").claim("roles", List.of("department"))
                        .claim("unit", "district-610402"))
                .authorities(new RoleAuthorities());
    }
}
