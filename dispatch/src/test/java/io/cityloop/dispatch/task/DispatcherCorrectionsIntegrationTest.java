package io.cityloop.dispatch.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import io.cityloop.dispatch.CaseEventTap;
import io.cityloop.dispatch.DispatchIntegrationTestSupport;
import io.cityloop.dispatch.task.adapters.messaging.InboundCaseEvents;
import io.cityloop.dispatch.task.application.AutoRoutingSwitch;
import io.cityloop.dispatch.task.application.ManualDispatching;
import io.cityloop.dispatch.task.application.TaskDispatching;
import io.cityloop.dispatch.task.application.TaskFilter;
import io.cityloop.dispatch.task.application.TaskMetrics;
import io.cityloop.dispatch.task.application.TaskQueries;
import io.cityloop.dispatch.task.model.PendingDispatch;
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
import io.cityloop.events.ReturnReviewed;
import io.cityloop.events.TaskDispatched;
import io.cityloop.events.TaskReturned;
import io.cityloop.events.TaskSuspended;
import io.cityloop.infra.TestInfrastructure;
import io.cityloop.platform.security.RoleAuthorities;

import io.micrometer.core.instrument.MeterRegistry;

/** The dispatcher correcting the routing: 改派 of open tasks, the manual dispatch queue, and 挂账 on request. */
class DispatcherCorrectionsIntegrationTest extends DispatchIntegrationTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String QINDU_PLATFORM = "district-610402";
    private static final String SANITATION = "dept-11";
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    @Autowired
    private MockMvc mvc;
    @Autowired
    private TaskDispatching dispatching;
    @Autowired
    private ManualDispatching manual;
    @Autowired
    private AutoRoutingSwitch autoRouting;
    @Autowired
    private TaskQueries queries;
    @Autowired
    private KafkaTemplate<String, String> kafka;
    @Autowired
    private CaseEventCodec codec;
    @Autowired
    private MeterRegistry meters;

    private CaseEventTap tap;

    @BeforeEach
    void openTap() {
        tap = new CaseEventTap(TestInfrastructure.shared().bootstrapServers(), CaseEventTopics.CASE_EVENTS);
    }

    @AfterEach
    void closeTap() {
        tap.close();
    }

    @Test
    void dispatcherMovesAnAcceptedTaskToAnotherUnitAndTheCaseGoesOnAsItsNextTask() throws Exception {
        String oldId = fileAndDispatch("02-01-01");
        String caseId = queries.get(new TaskId(oldId)).subject().caseId();
        mvc.perform(post("/api/tasks/{id}/accept", oldId).with(department(QINDU_PLATFORM)))
                .andExpect(status().isOk());

        mvc.perform(post("/api/tasks/{id}/reassign", oldId).with(department(QINDU_PLATFORM)).contentType(JSON)
                        .content("{\"unitId\":\"dept-11\",\"reason\":\"属主干道\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/tasks/{id}/reassign", oldId).with(dispatcher()).contentType(JSON)
                        .content("{\"unitId\":\"DISTRICT\",\"reason\":\"仍归秦都区\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitId"))
                .andExpect(jsonPath("$.errors[0].rule").value("same-unit"));
        mvc.perform(post("/api/tasks/{id}/reassign", oldId).with(dispatcher()).contentType(JSON)
                        .content("{\"unitId\":\"dept-11\"}"))
                .andExpect(status().isBadRequest());
        assertThat(queries.get(new TaskId(oldId)).status()).isEqualTo(TaskStatus.ACCEPTED);

        String nextId = TaskId.firstOf(caseId).next(caseId).value();
        mvc.perform(post("/api/tasks/{id}/reassign", oldId).with(dispatcher()).contentType(JSON)
                        .content("{\"unitId\":\"dept-11\",\"reason\":\"人民路属主干道，由市环卫中心保洁\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.taskId").value(nextId))
                .andExpect(jsonPath("$.unitId").value(SANITATION))
                .andExpect(jsonPath("$.ruleId").value("manual"))
                .andExpect(jsonPath("$.previousTaskId").value(oldId))
                .andExpect(jsonPath("$.status").value("DISPATCHED"));

        Task old = queries.get(new TaskId(oldId));
        assertThat(old.status()).isEqualTo(TaskStatus.RETURNED);
        assertThat(old.handback().redispatchedAs()).isEqualTo(nextId);
        assertThat(old.handback().returnReview().justified()).isTrue();
        mvc.perform(get("/api/dispatch-queue").with(dispatcher()))
                .andExpect(jsonPath("$[*].taskId", not(hasItem(oldId))));
        mvc.perform(post("/api/tasks/{id}/reassign", oldId).with(dispatcher()).contentType(JSON)
                        .content("{\"unitId\":\"dept-10\",\"reason\":\"再改派\"}"))
                .andExpect(status().isConflict());

        Actor dispatcherActor = new Actor("dispatcher-wang", "dispatcher");
        TaskReturned returned = awaitEvent(caseId, CaseEventType.RETURNED).dataAs(TaskReturned.class);
        assertThat(returned.taskId()).isEqualTo(oldId);
        assertThat(returned.actor()).isEqualTo(dispatcherActor);
        ReturnReviewed reviewed = awaitEvent(caseId, CaseEventType.RETURN_REVIEWED).dataAs(ReturnReviewed.class);
        assertThat(reviewed.justified()).isTrue();
        assertThat(reviewed.actor()).isEqualTo(dispatcherActor);
        TaskDispatched dispatched = await().atMost(PATIENCE).until(() -> tap.eventsOf(caseId).stream()
                        .filter(e -> e.type() == CaseEventType.DISPATCHED)
                        .map(e -> e.dataAs(TaskDispatched.class))
                        .filter(d -> d.taskId().equals(nextId)).findFirst(), Optional::isPresent)
                .orElseThrow();
        assertThat(dispatched.unitId()).isEqualTo(SANITATION);
        assertThat(dispatched.actor()).isEqualTo(dispatcherActor);
        assertThat(meters.counter(TaskMetrics.REASSIGNED, "unit", QINDU_PLATFORM).count()).isPositive();
    }

    @Test
    void withAutoRoutingOffAFiledCaseWaitsInTheQueueUntilADispatcherDispatchesIt() throws Exception {
        String caseId = newCaseId("QD");
        CaseEvent filed = filedEvent(caseId, "02-01-01");
        autoRouting.turn(false);
        try {
            publish(filed);
            await().atMost(PATIENCE).until(() -> manual.waiting(500).stream()
                    .anyMatch(p -> p.caseId().equals(caseId)));
        } finally {
            autoRouting.turn(true);
        }
        dispatching.onFiled(InboundCaseEvents.filing(filed));
        assertThat(manual.waiting(500).stream().filter(p -> p.caseId().equals(caseId))).singleElement()
                .satisfies(p -> assertThat(p.cause()).isEqualTo(PendingDispatch.AUTO_ROUTING_OFF));
        assertThat(queries.list(new TaskFilter(null, null, 200)))
                .noneMatch(task -> task.subject().caseId().equals(caseId));

        mvc.perform(get("/api/dispatch-queue").param("limit", "500").with(dispatcher()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.caseId == '" + caseId + "')].kind", hasItem("PARKED")))
                .andExpect(jsonPath("$[?(@.caseId == '" + caseId + "')].parkedBecause",
                        hasItem("auto-routing-off")));
        mvc.perform(post("/api/dispatch-queue/{caseId}/dispatch", caseId).with(department(QINDU_PLATFORM))
                        .contentType(JSON).content("{\"unitId\":\"DISTRICT\",\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/dispatch-queue/{caseId}/dispatch", caseId).with(dispatcher()).contentType(JSON)
                        .content("{\"unitId\":\"district-610404\",\"reason\":\"派渭城区\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("foreign-district"));
        mvc.perform(post("/api/dispatch-queue/{caseId}/dispatch", "QD-202609-none").with(dispatcher())
                        .contentType(JSON).content("{\"unitId\":\"DISTRICT\",\"reason\":\"派秦都区\"}"))
                .andExpect(status().isNotFound());

        String taskId = TaskId.firstOf(caseId).value();
        mvc.perform(post("/api/dispatch-queue/{caseId}/dispatch", caseId).with(dispatcher()).contentType(JSON)
                        .content("{\"unitId\":\"DISTRICT\",\"reason\":\"人工派遣秦都区\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.taskId").value(taskId))
                .andExpect(jsonPath("$.unitId").value(QINDU_PLATFORM))
                .andExpect(jsonPath("$.ruleId").value("manual"))
                .andExpect(jsonPath("$.dispatchedBy").value("dispatcher-wang"));
        mvc.perform(post("/api/dispatch-queue/{caseId}/dispatch", caseId).with(dispatcher()).contentType(JSON)
                        .content("{\"unitId\":\"dept-11\",\"reason\":\"再派一次\"}"))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/dispatch-queue").param("limit", "500").with(dispatcher()))
                .andExpect(jsonPath("$[*].caseId", not(hasItem(caseId))));

        TaskDispatched dispatched = awaitEvent(caseId, CaseEventType.DISPATCHED).dataAs(TaskDispatched.class);
        assertThat(dispatched.taskId()).isEqualTo(taskId);
        assertThat(dispatched.unitId()).isEqualTo(QINDU_PLATFORM);
        assertThat(dispatched.actor()).isEqualTo(new Actor("dispatcher-wang", "dispatcher"));
        dispatching.onFiled(InboundCaseEvents.filing(filed));
        assertThat(queries.get(new TaskId(taskId)).journal().history()).hasSize(1);
    }

    @Test
    void aCaseNoRuleCanRouteIsParkedCountedAndCannotBeDispatchedUntilItsCategoryIsKnown() throws Exception {
        String caseId = newCaseId("QD");
        double failuresBefore = meters.counter(TaskMetrics.ROUTING_FAILURES, "reason", "unknown_category").count();

        publish(filedEvent(caseId, "09-99-99"));

        PendingDispatch parked = await().atMost(PATIENCE).until(() -> manual.waiting(500).stream()
                .filter(p -> p.caseId().equals(caseId)).findFirst(), Optional::isPresent).orElseThrow();
        assertThat(parked.cause()).isEqualTo("unknown-category");
        assertThat(parked.detail()).contains("09-99-99");
        assertThat(meters.counter(TaskMetrics.ROUTING_FAILURES, "reason", "unknown_category").count())
                .isGreaterThan(failuresBefore);
        mvc.perform(post("/api/dispatch-queue/{caseId}/dispatch", caseId).with(dispatcher()).contentType(JSON)
                        .content("{\"unitId\":\"dept-11\",\"reason\":\"人工派遣\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("categoryCode"))
                .andExpect(jsonPath("$.errors[0].rule").value("known-category"));
        assertThat(manual.waiting(500)).anyMatch(p -> p.caseId().equals(caseId));
    }

    @Test
    void aUnitAsksForSuspensionAndTheDispatchersApprovalStopsTheClock() throws Exception {
        String taskId = fileAndDispatch("02-01-01");
        String caseId = queries.get(new TaskId(taskId)).subject().caseId();
        mvc.perform(post("/api/tasks/{id}/accept", taskId).with(department(QINDU_PLATFORM)))
                .andExpect(status().isOk());

        mvc.perform(post("/api/tasks/{id}/suspension-decision", taskId).with(dispatcher()).contentType(JSON)
                        .content("{\"approved\":true,\"reason\":\"同意\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://cityloop.io/problems/invalid-transition"));
        mvc.perform(post("/api/tasks/{id}/suspension-request", taskId).with(dispatcher()).contentType(JSON)
                        .content("{\"reason\":\"施工中\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/tasks/{id}/suspension-request", taskId).with(department(QINDU_PLATFORM))
                        .contentType(JSON).content("{\"reason\":\"道路改造施工中，垃圾清运车辆无法进入\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUSPENSION_REQUESTED"))
                .andExpect(jsonPath("$.pendingSuspension.reason").value("道路改造施工中，垃圾清运车辆无法进入"))
                .andExpect(jsonPath("$.history[-1].type").value("suspension-requested"));
        mvc.perform(post("/api/tasks/{id}/suspension-decision", taskId).with(department(QINDU_PLATFORM))
                        .contentType(JSON).content("{\"approved\":true,\"reason\":\"同意\"}"))
                .andExpect(status().isForbidden());

        mvc.perform(post("/api/tasks/{id}/suspension-decision", taskId).with(dispatcher()).contentType(JSON)
                        .content("{\"approved\":true,\"reason\":\"施工期间缓办\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUSPENDED"))
                .andExpect(jsonPath("$.pendingSuspension").doesNotExist())
                .andExpect(jsonPath("$.history[-1].type").value("suspension-approved"));
        assertThat(queries.get(new TaskId(taskId)).countdown().clock().isSuspended()).isTrue();

        TaskSuspended suspended = awaitEvent(caseId, CaseEventType.SUSPENDED).dataAs(TaskSuspended.class);
        assertThat(suspended.reason()).isEqualTo("道路改造施工中，垃圾清运车辆无法进入");
        assertThat(suspended.actor()).isEqualTo(new Actor("dispatcher-wang", "dispatcher"));
    }

    @Test
    void aRejectedSuspensionRequestLeavesTheClockRunning() throws Exception {
        String taskId = fileAndDispatch("02-01-01");
        mvc.perform(post("/api/tasks/{id}/accept", taskId).with(department(QINDU_PLATFORM)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/tasks/{id}/suspension-request", taskId).with(department(QINDU_PLATFORM))
                        .contentType(JSON).content("{\"reason\":\"申请缓办\"}"))
                .andExpect(status().isOk());

        mvc.perform(post("/api/tasks/{id}/suspension-decision", taskId).with(dispatcher()).contentType(JSON)
                        .content("{\"approved\":false,\"reason\":\"不影响清运\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.history[-1].type").value("suspension-rejected"));
        assertThat(queries.get(new TaskId(taskId)).countdown().clock().isSuspended()).isFalse();
    }

    private String fileAndDispatch(String categoryCode) {
        String caseId = newCaseId("QD");
        dispatching.onFiled(InboundCaseEvents.filing(filedEvent(caseId, categoryCode)));
        return TaskId.firstOf(caseId).value();
    }

    private CaseEvent filedEvent(String caseId, String categoryCode) {
        return CaseEvent.of(Producers.CASE_INTAKE, caseId, 2, clock.instant(),
                new CaseFiled(caseId, categoryCode, "610402", "6104020010010001", "已核实，予以立案",
                        new Actor("operator-li", "operator")));
    }

    private void publish(CaseEvent event) throws Exception {
        kafka.send(CaseEventTopics.CASE_EVENTS, event.subject(), codec.encode(event)).get();
    }

    private CaseEvent awaitEvent(String caseId, CaseEventType type) {
        return await().atMost(PATIENCE)
                .until(() -> tap.eventsOf(caseId).stream().filter(e -> e.type() == type).findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static JwtRequestPostProcessor dispatcher() {
        return jwt().jwt(j -> j.subject("dispatcher-wang").claim("roles", List.of("dispatcher")))
                .authorities(new RoleAuthorities());
    }

    private static JwtRequestPostProcessor department(String unit) {
        return jwt().jwt(j -> j.subject("qindu-user").claim("roles", List.of("department")).claim("unit", unit))
                .authorities(new RoleAuthorities());
    }
}
