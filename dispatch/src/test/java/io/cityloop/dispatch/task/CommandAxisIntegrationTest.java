package io.cityloop.dispatch.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import io.cityloop.dispatch.CaseEventTap;
import io.cityloop.dispatch.DispatchIntegrationTestSupport;
import io.cityloop.dispatch.MutableClock;
import io.cityloop.dispatch.routing.model.Route;
import io.cityloop.dispatch.task.adapters.messaging.InboundCaseEvents;
import io.cityloop.dispatch.task.application.DeadlineWatch;
import io.cityloop.dispatch.task.application.TaskDeadlines;
import io.cityloop.dispatch.task.application.TaskDispatching;
import io.cityloop.dispatch.task.application.TaskQueries;
import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskId;
import io.cityloop.dispatch.task.model.TaskStatus;
import io.cityloop.events.Actor;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventTopics;
import io.cityloop.events.CaseEventType;
import io.cityloop.events.CaseFiled;
import io.cityloop.events.CategoryTerms;
import io.cityloop.events.DeadlineWarning;
import io.cityloop.events.ExtensionDecided;
import io.cityloop.events.Producers;
import io.cityloop.events.ReturnReviewed;
import io.cityloop.events.TaskDispatched;
import io.cityloop.events.TaskOverdue;
import io.cityloop.events.TaskResumed;
import io.cityloop.events.TaskReturned;
import io.cityloop.events.TimeLimit;
import io.cityloop.infra.TestInfrastructure;
import io.cityloop.reference.TimeLimitSpec;
import io.cityloop.reference.WorkingTimeUnit;
import io.cityloop.platform.security.RoleAuthorities;

/** The command axis through the web API and onto the topic: routing, return, extension, suspension, the watch. */
class CommandAxisIntegrationTest extends DispatchIntegrationTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String WEICHENG = "610404";
    private static final String QINDU = "610402";
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    @Autowired
    private MockMvc mvc;
    @Autowired
    private TaskDispatching dispatching;
    @Autowired
    private TaskQueries queries;
    @Autowired
    private DeadlineWatch watch;
    @Autowired
    private TaskDeadlines deadlines;

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
    void districtRuleSendsAMissingCoverInWeichengToTheWaterGroupAndRecordsTheRule() {
        String inWeicheng = fileAndDispatch("02-04-06", WEICHENG, "6104040010010001");
        String inQindu = fileAndDispatch("02-04-06", QINDU, "6104020010010001");
        String onRenminRoad = fileAndDispatch("02-01-03", QINDU, "6104020010010001");

        assertThat(task(inWeicheng).assignment().unitId()).isEqualTo("dept-16");
        assertThat(task(inWeicheng).assignment().ruleId()).isEqualTo("weicheng-missing-cover");
        assertThat(task(inWeicheng).assignment().ruleSetVersion()).isEqualTo(1);
        assertThat(task(inQindu).assignment().unitId()).isEqualTo("dept-10");
        assertThat(task(inQindu).assignment().ruleId()).isEqualTo(Route.CATALOG_DEFAULT);
        assertThat(task(onRenminRoad).assignment().unitId()).isEqualTo("dept-11");
        assertThat(task(onRenminRoad).assignment().ruleId()).isEqualTo("renminlu-dirty-road");
    }

    /**
     * The catalog is the supervision center's: a filing carries the terms of the version it was reported under, and
     * the task follows them — an edited limit and default unit, and a code added after the catalog shipped.
     */
    @Test
    void theCatalogTermsAsFiledSetTheUnitAndTheDeadlineAndTheTaskRecordsTheirVersion() throws Exception {
        String shipped = fileAndDispatch("02-01-01", QINDU, "6104020010010001");
        String edited = fileAndDispatch("02-01-01", QINDU, "6104020010010001", new CategoryTerms("02-01-01",
                "暴露垃圾", "EVENT", "URGENT", new TimeLimit(2, "WORKING_HOURS"), 1, "dept-11", "2026.1-r2"));
        String added = fileAndDispatch("02-01-40", WEICHENG, "6104040010010001", new CategoryTerms("02-01-40",
                "占道晾晒", "EVENT", "ORDINARY", new TimeLimit(1, "WORKING_DAYS"), 1, "DISTRICT", "2026.1-r3"));

        Task asShipped = task(shipped);
        Task asEdited = task(edited);
        assertThat(asShipped.assignment().unitId()).isEqualTo("district-610402");
        assertThat(asShipped.subject().catalogVersion()).isEqualTo("2026.1");
        assertThat(asEdited.assignment().unitId()).isEqualTo("dept-11");
        assertThat(asEdited.assignment().ruleId()).isEqualTo(Route.CATALOG_DEFAULT);
        assertThat(asEdited.subject().catalogVersion()).isEqualTo("2026.1-r2");
        assertThat(asEdited.subject().timeLimit()).isEqualTo(TimeLimitSpec.workingHours(2));
        assertThat(asEdited.countdown().deadline()).isEqualTo(deadlines.rules().calendar()
                .deadline(asEdited.assignment().dispatchedAt(), TimeLimitSpec.workingHours(2)))
                .isBefore(asShipped.countdown().deadline());
        assertThat(task(added).assignment().unitId()).isEqualTo("district-610404");
        assertThat(task(added).subject().categoryName()).isEqualTo("占道晾晒");

        TaskDispatched published = awaitEvent(asEdited.subject().caseId(), CaseEventType.DISPATCHED)
                .dataAs(TaskDispatched.class);
        assertThat(published.timeLimit()).isEqualTo(new TimeLimit(2.0, "WORKING_HOURS"));
        assertThat(published.catalogVersion()).isEqualTo("2026.1-r2");

        mvc.perform(post("/api/tasks/{id}/return", added).with(department("district-610404"))
                        .contentType(JSON).content("{\"reason\":\"占道晾晒由城管执法局处理\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/tasks/{id}/return-review", added).with(user("dispatcher-wang", "dispatcher"))
                        .contentType(JSON).content("{\"justified\":true,\"reason\":\"派遣有误\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/tasks/{id}/redispatch", added).with(user("dispatcher-wang", "dispatcher"))
                        .contentType(JSON).content("{\"unitId\":\"dept-11\",\"reason\":\"改派\"}"))
                .andExpect(status().isCreated());
        Task again = task(TaskId.of(task(added).subject().caseId(), 2).value());
        assertThat(again.assignment().unitId()).isEqualTo("dept-11");
        assertThat(again.subject().catalogVersion()).isEqualTo("2026.1-r3");
        assertThat(again.subject().timeLimit()).isEqualTo(new TimeLimitSpec(1, WorkingTimeUnit.WORKING_DAYS));
    }

    @Test
    void returnedTaskIsReviewedAndTheCaseIsRedispatchedAsTaskTwo() throws Exception {
        String first = fileAndDispatch("02-01-01", QINDU, "6104020010010001");
        String caseId = task(first).subject().caseId();

        mvc.perform(post("/api/tasks/{id}/return", first).with(department("district-610402"))
                        .contentType(JSON).content("{\"reason\":\"该点位属渭城区辖区\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETURNED"));
        mvc.perform(get("/api/dispatch-queue").with(user("dispatcher-wang", "dispatcher")))
                .andExpect(jsonPath("$[*].taskId", hasItem(first)));
        mvc.perform(post("/api/tasks/{id}/redispatch", first).with(user("dispatcher-wang", "dispatcher"))
                        .contentType(JSON).content("{\"unitId\":\"district-610404\",\"reason\":\"改派\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://cityloop.io/problems/invalid-transition"));
        mvc.perform(post("/api/tasks/{id}/return-review", first).with(user("dispatcher-wang", "dispatcher"))
                        .contentType(JSON).content("{\"justified\":true,\"reason\":\"派遣错误\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.returnReview.justified").value(true));
        mvc.perform(post("/api/tasks/{id}/redispatch", first).with(user("dispatcher-wang", "dispatcher"))
                        .contentType(JSON).content("{\"unitId\":\"district-610404\",\"reason\":\"改派\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitId"))
                .andExpect(jsonPath("$.errors[0].rule").value("foreign-district"));

        mvc.perform(post("/api/tasks/{id}/redispatch", first).with(user("dispatcher-wang", "dispatcher"))
                        .contentType(JSON).content("{\"unitId\":\"dept-11\",\"reason\":\"改派市环境卫生管理中心\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.taskId").value(TaskId.of(caseId, 2).value()))
                .andExpect(jsonPath("$.unitId").value("dept-11"))
                .andExpect(jsonPath("$.ruleId").value("manual"))
                .andExpect(jsonPath("$.previousTaskId").value(first));

        assertThat(task(first).handback().redispatchedAs()).isEqualTo(TaskId.of(caseId, 2).value());
        assertThat(awaitEvent(caseId, CaseEventType.RETURNED).dataAs(TaskReturned.class).reason())
                .isEqualTo("该点位属渭城区辖区");
        assertThat(awaitEvent(caseId, CaseEventType.RETURN_REVIEWED).dataAs(ReturnReviewed.class).justified())
                .isTrue();
        await().atMost(PATIENCE).until(() -> events(caseId, CaseEventType.DISPATCHED).size() == 2);
        TaskDispatched second = events(caseId, CaseEventType.DISPATCHED).get(1).dataAs(TaskDispatched.class);
        assertThat(second.taskId()).isEqualTo(TaskId.of(caseId, 2).value());
        assertThat(second.actor()).isEqualTo(new Actor("dispatcher-wang", "dispatcher"));
        mvc.perform(post("/api/tasks/{id}/redispatch", first).with(user("dispatcher-wang", "dispatcher"))
                        .contentType(JSON).content("{\"unitId\":\"dept-11\",\"reason\":\"again\"}"))
                .andExpect(status().isConflict());
    }

    /** Deadline Sunday 2026-09-20 17:00; approving 2 working days moves it to Tuesday 17:00. */
    @Test
    void approvedExtensionMovesTheDeadline() throws Exception {
        String id = acceptedTask();

        mvc.perform(post("/api/tasks/{id}/extension-request", id).with(department("district-610402"))
                        .contentType(JSON)
                        .content("{\"amount\":2,\"unit\":\"WORKING_DAYS\",\"reason\":\"需协调环卫车辆\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("EXTENSION_REQUESTED"))
                .andExpect(jsonPath("$.pendingExtension.requestedDeadline").value("2026-09-22T09:00:00Z"));
        mvc.perform(post("/api/tasks/{id}/extension-decision", id).with(department("district-610402"))
                        .contentType(JSON).content("{\"approved\":true,\"reason\":\"同意\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/tasks/{id}/extension-decision", id).with(user("dispatcher-wang", "dispatcher"))
                        .contentType(JSON).content("{\"approved\":true,\"reason\":\"同意延期\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.deadline").value("2026-09-22T09:00:00Z"))
                .andExpect(jsonPath("$.extensionCount").value(1));

        ExtensionDecided decided = awaitEvent(task(id).subject().caseId(), CaseEventType.EXTENSION_DECIDED)
                .dataAs(ExtensionDecided.class);
        assertThat(decided.approved()).isTrue();
        assertThat(decided.deadline()).isEqualTo(MutableClock.shanghai(2026, 9, 22, 17, 0));
    }

    /** Suspended Sunday 10:00 to Tuesday 10:00 = 14 working hours; the deadline moves from Sunday to Tuesday 17:00. */
    @Test
    void suspensionStopsTheClock() throws Exception {
        String id = acceptedTask();
        clock.set(MutableClock.shanghai(2026, 9, 20, 10, 0));
        mvc.perform(post("/api/tasks/{id}/suspend", id).with(user("dispatcher-wang", "dispatcher"))
                        .contentType(JSON).content("{\"reason\":\"需纳入改造计划\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUSPENDED"));

        clock.set(MutableClock.shanghai(2026, 9, 22, 10, 0));
        watch.sweep();
        assertThat(task(id).countdown().warned()).isFalse();
        mvc.perform(get("/api/tasks/{id}", id).with(user("dispatcher-wang", "dispatcher")))
                .andExpect(jsonPath("$.overdue").value(false))
                .andExpect(jsonPath("$.remainingWorkingMinutes").value(4 * 60 + 30));
        mvc.perform(post("/api/tasks/{id}/resume", id).with(user("dispatcher-wang", "dispatcher"))
                        .contentType(JSON).content("{\"reason\":\"资金到位\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.deadline").value("2026-09-22T09:00:00Z"));

        assertThat(awaitEvent(task(id).subject().caseId(), CaseEventType.RESUMED).dataAs(TaskResumed.class).deadline())
                .isEqualTo(MutableClock.shanghai(2026, 9, 22, 17, 0));
    }

    @Test
    void warningAndOverdueAreEmittedOnceEach() throws Exception {
        String id = fileAndDispatch("02-01-01", QINDU, "6104020010010001");
        String caseId = task(id).subject().caseId();

        clock.set(MutableClock.shanghai(2026, 9, 20, 15, 40));
        watch.sweep();
        watch.sweep();
        clock.set(MutableClock.shanghai(2026, 9, 20, 17, 5));
        watch.sweep();
        watch.sweep();

        DeadlineWarning warning = awaitEvent(caseId, CaseEventType.DEADLINE_WARNING).dataAs(DeadlineWarning.class);
        assertThat(warning.deadline()).isEqualTo(MutableClock.shanghai(2026, 9, 20, 17, 0));
        assertThat(awaitEvent(caseId, CaseEventType.OVERDUE).dataAs(TaskOverdue.class).taskId()).isEqualTo(id);
        assertThat(events(caseId, CaseEventType.DEADLINE_WARNING)).hasSize(1);
        assertThat(events(caseId, CaseEventType.OVERDUE)).hasSize(1);
        mvc.perform(get("/api/tasks/counts").with(department("district-610402")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unitId").value("district-610402"));
    }

    @Test
    void twoHandlersAtOnceOneWinsTheOtherGetsConflictWithTheCurrentState() throws Exception {
        String id = fileAndDispatch("02-01-01", QINDU, "6104020010010001");
        String etag = mvc.perform(get("/api/tasks/{id}", id).with(department("district-610402")))
                .andReturn().getResponse().getHeader("ETag");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> accept = () -> mvc.perform(post("/api/tasks/{id}/accept", id)
                    .header("If-Match", etag).with(department("district-610402"))).andReturn().getResponse()
                    .getStatus();
            Callable<Integer> giveBack = () -> mvc.perform(post("/api/tasks/{id}/return", id)
                    .header("If-Match", etag).with(department("district-610402")).contentType(JSON)
                    .content("{\"reason\":\"非本单位职责\"}")).andReturn().getResponse().getStatus();
            Future<Integer> a = pool.submit(accept);
            Future<Integer> b = pool.submit(giveBack);
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }

        Task now = task(id);
        mvc.perform(post("/api/tasks/{id}/accept", id).header("If-Match", etag).with(department("district-610402")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://cityloop.io/problems/conflict"))
                .andExpect(jsonPath("$.currentStatus").value(now.status().name()))
                .andExpect(jsonPath("$.currentVersion").value(now.version()))
                .andExpect(header().string("ETag", startsWith("\"")));
        assertThat(now.status()).isIn(TaskStatus.ACCEPTED, TaskStatus.RETURNED);
        assertThat(now.journal().history()).hasSize(2);
    }

    private String acceptedTask() throws Exception {
        String id = fileAndDispatch("02-01-01", QINDU, "6104020010010001");
        clock.set(MutableClock.shanghai(2026, 9, 20, 9, 0));
        mvc.perform(post("/api/tasks/{id}/accept", id).with(department("district-610402")))
                .andExpect(status().isOk());
        return id;
    }

    private Task task(String id) {
        return queries.get(new TaskId(id));
    }

    private String fileAndDispatch(String categoryCode, String district, String gridCode) {
        return fileAndDispatch(categoryCode, district, gridCode, null);
    }

    private String fileAndDispatch(String categoryCode, String district, String gridCode, CategoryTerms terms) {
        String caseId = newCaseId("CA");
        dispatching.onFiled(InboundCaseEvents.filing(CaseEvent.of(Producers.CASE_INTAKE, caseId, 2, clock.instant(),
                new CaseFiled(caseId, categoryCode, district, gridCode, "符合立案标准",
                        new Actor("operator-li", "operator"), null, terms))));
        return TaskId.firstOf(caseId).value();
    }

    private List<CaseEvent> events(String caseId, CaseEventType type) {
        return tap.eventsOf(caseId).stream().filter(e -> e.type() == type).toList();
    }

    private CaseEvent awaitEvent(String caseId, CaseEventType type) {
        await().atMost(PATIENCE).until(() -> !events(caseId, type).isEmpty());
        return events(caseId, type).get(0);
    }

    private static JwtRequestPostProcessor department(String unit) {
        return jwt().jwt(j -> j.subject(unit + "-user").claim("roles", List.of("department")).claim("unit", unit))
                .authorities(new RoleAuthorities());
    }

    private static JwtRequestPostProcessor user(String username, String role) {
        return jwt().jwt(j -> j.subject(username).claim("roles", List.of(role))).authorities(new RoleAuthorities());
    }
}
