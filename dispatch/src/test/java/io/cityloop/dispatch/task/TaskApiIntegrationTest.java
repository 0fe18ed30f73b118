package io.cityloop.dispatch.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import io.cityloop.dispatch.DispatchIntegrationTestSupport;
import io.cityloop.dispatch.MutableClock;
import io.cityloop.dispatch.task.adapters.messaging.InboundCaseEvents;
import io.cityloop.dispatch.task.application.OpenTaskGauges;
import io.cityloop.dispatch.task.application.TaskDispatching;
import io.cityloop.dispatch.task.application.TaskMetrics;
import io.cityloop.dispatch.task.application.TaskQueries;
import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskId;
import io.cityloop.dispatch.task.model.TaskStatus;
import io.cityloop.events.Actor;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseFiled;
import io.cityloop.events.Producers;
import io.cityloop.platform.security.RoleAuthorities;

import io.micrometer.core.instrument.MeterRegistry;

class TaskApiIntegrationTest extends DispatchIntegrationTestSupport {

    private static final String WATER_GROUP = "dept-16";
    private static final String QINDU_PLATFORM = "district-610402";
    private static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Autowired
    private MockMvc mvc;
    @Autowired
    private TaskDispatching dispatching;
    @Autowired
    private TaskQueries queries;
    @Autowired
    private OpenTaskGauges gauges;
    @Autowired
    private MeterRegistry meters;

    @Test
    void departmentListsOnlyItsOwnTasks() throws Exception {
        String manhole = fileAndDispatch("01-01-01");
        String garbage = fileAndDispatch("02-01-01");

        mvc.perform(get("/api/tasks").param("limit", "200").with(department(WATER_GROUP)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].unitId", everyItem(is(WATER_GROUP))))
                .andExpect(jsonPath("$[*].taskId", hasItem(manhole)))
                .andExpect(jsonPath("$[*].taskId", not(hasItem(garbage))));
        mvc.perform(get("/api/tasks").param("limit", "200").with(department(QINDU_PLATFORM)))
                .andExpect(jsonPath("$[*].taskId", hasItem(garbage)))
                .andExpect(jsonPath("$[*].taskId", not(hasItem(manhole))));
    }

    @Test
    void departmentAskingForAnotherUnitsTasksIsForbidden() throws Exception {
        mvc.perform(get("/api/tasks").param("unit", QINDU_PLATFORM).with(department(WATER_GROUP)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://cityloop.io/problems/forbidden"));
    }

    @Test
    void dispatcherSeesEveryUnitAndFiltersByUnitAndStatus() throws Exception {
        String manhole = fileAndDispatch("01-01-01");
        String garbage = fileAndDispatch("02-01-01");

        mvc.perform(get("/api/tasks").param("limit", "200").with(user("dispatcher", "dispatcher")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].taskId", hasItem(manhole)))
                .andExpect(jsonPath("$[*].taskId", hasItem(garbage)));
        mvc.perform(get("/api/tasks").param("unit", QINDU_PLATFORM).param("status", "DISPATCHED").param("limit", "200")
                        .with(user("supervisor", "supervisor")))
                .andExpect(jsonPath("$[*].unitId", everyItem(is(QINDU_PLATFORM))))
                .andExpect(jsonPath("$[*].status", everyItem(is("DISPATCHED"))))
                .andExpect(jsonPath("$[*].taskId", hasItem(garbage)));
    }

    @Test
    void listItemsCarryTheTaskAndItsDeadline() throws Exception {
        String garbage = fileAndDispatch("02-01-01");

        mvc.perform(get("/api/tasks/{id}", garbage).with(department(QINDU_PLATFORM)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unitName").value("秦都区"))
                .andExpect(jsonPath("$.categoryCode").value("02-01-01"))
                .andExpect(jsonPath("$.categoryName").value("暴露垃圾"))
                .andExpect(jsonPath("$.status").value("DISPATCHED"))
                .andExpect(jsonPath("$.deadline").value("2026-09-20T09:00:00Z"))
                .andExpect(jsonPath("$.dispatchedAt").value("2026-09-18T09:00:00Z"))
                .andExpect(jsonPath("$.reworkCount").value(0))
                .andExpect(jsonPath("$.overdue").value(false))
                .andExpect(jsonPath("$.history", hasSize(1)));

        clock.set(MutableClock.shanghai(2026, 9, 21, 9, 0));

        mvc.perform(get("/api/tasks").param("unit", QINDU_PLATFORM).param("limit", "200")
                        .with(user("dispatcher", "dispatcher")))
                .andExpect(jsonPath("$[?(@.taskId == '" + garbage + "')].overdue", hasItem(true)));
    }

    @Test
    void rolesOutsideTheCommandCenterMayNotListTasks() throws Exception {
        mvc.perform(get("/api/tasks").with(user("inspector-zhang", "inspector")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON));
    }

    @Test
    void anotherDepartmentCannotAcceptTheTask() throws Exception {
        String garbage = fileAndDispatch("02-01-01");

        mvc.perform(post("/api/tasks/{id}/accept", garbage).with(department(WATER_GROUP)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://cityloop.io/problems/forbidden"));

        assertUnchanged(garbage, TaskStatus.DISPATCHED, 1);
    }

    @Test
    void dispatcherCannotAcceptForTheUnit() throws Exception {
        String garbage = fileAndDispatch("02-01-01");

        mvc.perform(post("/api/tasks/{id}/accept", garbage).with(user("dispatcher", "dispatcher")))
                .andExpect(status().isForbidden());

        assertUnchanged(garbage, TaskStatus.DISPATCHED, 1);
    }

    @Test
    void unknownTaskIsNotFound() throws Exception {
        mvc.perform(post("/api/tasks/{id}/accept", "TQD-209901-none-01").with(department(QINDU_PLATFORM)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://cityloop.io/problems/not-found"));
        mvc.perform(get("/api/tasks/{id}", "TQD-209901-none-01").with(user("dispatcher", "dispatcher")))
                .andExpect(status().isNotFound());
    }

    @Test
    void feedbackBeforeAcceptIsAnInvalidTransitionAndChangesNothing() throws Exception {
        String garbage = fileAndDispatch("02-01-01");

        mvc.perform(post("/api/tasks/{id}/feedback", garbage).with(department(QINDU_PLATFORM))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"垃圾已清运\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://cityloop.io/problems/invalid-transition"))
                .andExpect(jsonPath("$.detail").value(containsString("DISPATCHED")));

        assertUnchanged(garbage, TaskStatus.DISPATCHED, 1);
    }

    @Test
    void acceptTwiceIsAnInvalidTransition() throws Exception {
        String garbage = fileAndDispatch("02-01-01");
        mvc.perform(post("/api/tasks/{id}/accept", garbage).with(department(QINDU_PLATFORM)))
                .andExpect(status().isOk());

        mvc.perform(post("/api/tasks/{id}/accept", garbage).with(department(QINDU_PLATFORM)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://cityloop.io/problems/invalid-transition"));

        assertUnchanged(garbage, TaskStatus.ACCEPTED, 2);
    }

    @Test
    void acceptThenFeedBackHandlesTheTaskOnTime() throws Exception {
        String garbage = fileAndDispatch("02-01-01");
        clock.set(MutableClock.shanghai(2026, 9, 20, 9, 0));

        mvc.perform(post("/api/tasks/{id}/accept", garbage).with(department(QINDU_PLATFORM)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.acceptedAt").value("2026-09-20T01:00:00Z"));

        clock.set(MutableClock.shanghai(2026, 9, 20, 11, 0));
        mvc.perform(post("/api/tasks/{id}/feedback", garbage).with(department(QINDU_PLATFORM))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"垃圾已清运，地面已冲洗\",\"photoRef\":\"gridfs:66f1a2\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("HANDLED"))
                .andExpect(jsonPath("$.handledAt").value("2026-09-20T03:00:00Z"))
                .andExpect(jsonPath("$.handledOnTime").value(true))
                .andExpect(jsonPath("$.photoRef").value("gridfs:66f1a2"))
                .andExpect(jsonPath("$.history", hasSize(3)))
                .andExpect(jsonPath("$.history[2].type").value("handled"))
                .andExpect(jsonPath("$.history[2].actor").value("qindu-user"))
                .andExpect(jsonPath("$.history[2].role").value("department"));

        assertThat(task(garbage).status()).isEqualTo(TaskStatus.HANDLED);
    }

    @Test
    void feedbackWithoutANoteNamesTheField() throws Exception {
        String garbage = acceptedTask();

        mvc.perform(post("/api/tasks/{id}/feedback", garbage).with(department(QINDU_PLATFORM))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"photoRef\":\"gridfs:66f1a2\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://cityloop.io/problems/validation"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("note")))
                .andExpect(jsonPath("$.errors[*].rule", hasItem("not-blank")));

        assertUnchanged(garbage, TaskStatus.ACCEPTED, 2);
    }

    @Test
    void overlongPhotoReferenceIsRejected() throws Exception {
        String garbage = acceptedTask();

        mvc.perform(post("/api/tasks/{id}/feedback", garbage).with(department(QINDU_PLATFORM))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"已处理\",\"photoRef\":\"" + "p".repeat(201) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("photoRef"))
                .andExpect(jsonPath("$.errors[0].rule").value("size"));

        assertUnchanged(garbage, TaskStatus.ACCEPTED, 2);
    }

    @Test
    void limitAboveTwoHundredIsRejected() throws Exception {
        mvc.perform(get("/api/tasks").param("limit", "500").with(user("dispatcher", "dispatcher")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
    }

    @Test
    void openOverdueAndDispatchedTasksAreMeasuredPerUnit() {
        double dispatchedBefore = counter(TaskMetrics.DISPATCHED, WATER_GROUP);
        fileAndDispatch("01-01-01");

        gauges.refresh();
        assertThat(gauge(OpenTaskGauges.OPEN, WATER_GROUP)).isGreaterThanOrEqualTo(1);
        assertThat(gauge(OpenTaskGauges.OPEN, "dept-21")).isZero();
        assertThat(counter(TaskMetrics.DISPATCHED, WATER_GROUP)).isEqualTo(dispatchedBefore + 1);

        clock.set(MutableClock.shanghai(2026, 10, 30, 9, 0));
        gauges.refresh();
        assertThat(gauge(OpenTaskGauges.OVERDUE, WATER_GROUP)).isGreaterThanOrEqualTo(1);
    }

    private double gauge(String name, String unit) {
        return meters.get(name).tag("unit", unit).gauge().value();
    }

    private double counter(String name, String unit) {
        var counter = meters.find(name).tag("unit", unit).counter();
        return counter == null ? 0 : counter.count();
    }

    private String acceptedTask() throws Exception {
        String id = fileAndDispatch("02-01-01");
        mvc.perform(post("/api/tasks/{id}/accept", id).with(department(QINDU_PLATFORM)))
                .andExpect(status().isOk());
        return id;
    }

    private void assertUnchanged(String taskId, TaskStatus status, int historyEntries) {
        Task task = task(taskId);
        assertThat(task.status()).isEqualTo(status);
        assertThat(task.journal().history()).hasSize(historyEntries);
        assertThat(task.journal().eventCount()).isEqualTo(historyEntries);
    }

    @Test
    void anAbsurdDeadlineBoundIsAValidationProblemNotA500() throws Exception {
        mvc.perform(get("/api/tasks").param("deadlineFrom", "-999999999-01-01T00:00:00Z")
                        .with(user("dispatcher", "dispatcher")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("deadlineFrom"))
                .andExpect(jsonPath("$.errors[0].rule").value("range"));
    }

    private Task task(String taskId) {
        return queries.get(new TaskId(taskId));
    }

    /** Files a case in 秦都区 straight into the application service, as the listener would. */
    private String fileAndDispatch(String categoryCode) {
        String caseId = newCaseId("QD");
        CaseFiled filed = new CaseFiled(caseId, categoryCode, "610402", "6104020010010001", "已核实，予以立案",
                new Actor("operator-li", "operator"));
        dispatching.onFiled(InboundCaseEvents.filing(
                CaseEvent.of(Producers.CASE_INTAKE, caseId, 2, clock.instant(), filed)));
        return TaskId.firstOf(caseId).value();
    }

    private static JwtRequestPostProcessor department(String unit) {
        String username = QINDU_PLATFORM.equals(unit) ? "qindu-user" : unit + "-user";
        return jwt().jwt(j -> j.subject(username).claim("name", "处置单位用户").claim("roles", List.of("department"))
                        .claim("unit", unit))
                .authorities(new RoleAuthorities());
    }

    private static JwtRequestPostProcessor user(String username, String role) {
        return jwt().jwt(j -> j.subject(username).claim("roles", List.of(role))).authorities(new RoleAuthorities());
    }
}
