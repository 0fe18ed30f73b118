package io.cityloop.dispatch.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import io.cityloop.dispatch.CaseEventTap;
import io.cityloop.dispatch.DispatchIntegrationTestSupport;
import io.cityloop.dispatch.MutableClock;
import io.cityloop.dispatch.task.adapters.messaging.InboundCaseEvents;
import io.cityloop.dispatch.task.application.TaskDispatching;
import io.cityloop.dispatch.task.model.TaskId;
import io.cityloop.events.Actor;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventTopics;
import io.cityloop.events.CaseEventType;
import io.cityloop.events.DeadlineMoved;
import io.cityloop.events.CaseFiled;
import io.cityloop.events.Producers;
import io.cityloop.infra.TestInfrastructure;
import io.cityloop.platform.security.RoleAuthorities;

/** The calendar and the routing rules as an admin and a dispatcher use them. */
class CalendarAndRulesApiIntegrationTest extends DispatchIntegrationTestSupport {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    @Autowired
    private MockMvc mvc;
    @Autowired
    private TaskDispatching dispatching;

    @Test
    void everyNonOrdinaryDayOfAYearIsServedWithItsKindAndName() throws Exception {
        mvc.perform(get("/api/reference/calendar/2026").with(user("dept-user", "department")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.provisional").value(false))
                .andExpect(jsonPath("$.officeHours[0].start").value("08:30:00"))
                .andExpect(jsonPath("$.days[?(@.date == '2026-02-17')].name", hasItem("春节")))
                .andExpect(jsonPath("$.days[?(@.date == '2026-02-14')].kind", hasItem("MAKE_UP_WORKDAY")));
        mvc.perform(get("/api/reference/calendar/2025").with(user("dept-user", "department")))
                .andExpect(jsonPath("$.days[?(@.date == '2025-01-26')].name", hasItem("春节调休上班")));
        mvc.perform(get("/api/reference/calendar/2030").with(user("dept-user", "department")))
                .andExpect(jsonPath("$.published").value(false))
                .andExpect(jsonPath("$.provisional").value(true));
        mvc.perform(get("/api/reference/calendar/deadline").param("start", "2026-09-30T09:00:00Z")
                        .param("amount", "2").param("unit", "WORKING_HOURS").with(user("dispatcher", "dispatcher")))
                .andExpect(jsonPath("$.deadline").value("2026-10-08T01:30:00Z"));
    }

    @Test
    void aStartOutsideTheCalendarsCenturyIsAValidationProblemNotA500() throws Exception {
        mvc.perform(get("/api/reference/calendar/deadline").param("start", "+999999999-12-31T23:59:59Z")
                        .param("amount", "365").param("unit", "WORKING_DAYS").with(user("dispatcher", "dispatcher")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("start"))
                .andExpect(jsonPath("$.errors[0].rule").value("range"));
    }

    /**
     * A task dispatched Monday 2027-03-01 09:00 with 3 working days is due Thursday 03-04 09:00; declaring Tuesday
     * 03-02 a holiday moves it to Friday 03-05 09:00, and the edit reports it.
     */
    @Test
    void adminEditOfAYearReprojectsOpenDeadlinesAndReportsThem() throws Exception {
        clock.set(MutableClock.shanghai(2027, 3, 1, 9, 0));
        String taskId = fileAndDispatch("01-01-01");

        mvc.perform(put("/api/reference/calendar/2027").with(user("dispatcher", "dispatcher")).contentType(JSON)
                        .content(year2027("2027-03-02", "HOLIDAY")))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/reference/calendar/2027").with(user("admin", "admin")).contentType(JSON)
                        .content(year2027("2027-03-03", "MAKE_UP_WORKDAY")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("make-up-on-weekend"));

        mvc.perform(put("/api/reference/calendar/2027").with(user("admin", "admin")).contentType(JSON)
                        .content(year2027("2027-03-02", "HOLIDAY")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year.provisional").value(true))
                .andExpect(jsonPath("$.moved[?(@.taskId == '" + taskId + "')].from", hasItem("2027-03-04T01:00:00Z")))
                .andExpect(jsonPath("$.moved[?(@.taskId == '" + taskId + "')].to", hasItem("2027-03-05T01:00:00Z")));
        mvc.perform(get("/api/tasks/{id}", taskId).with(user("dispatcher", "dispatcher")))
                .andExpect(jsonPath("$.deadline").value("2027-03-05T01:00:00Z"))
                .andExpect(jsonPath("$.history[1].type").value("deadline-reprojected"));

        String caseId = taskId.substring(1, taskId.length() - 3);
        try (CaseEventTap tap = new CaseEventTap(TestInfrastructure.shared().bootstrapServers(),
                CaseEventTopics.CASE_EVENTS)) {
            DeadlineMoved moved = await().atMost(Duration.ofSeconds(30))
                    .until(() -> tap.eventsOf(caseId).stream().filter(e -> e.type() == CaseEventType.DEADLINE_MOVED)
                            .findFirst(), Optional::isPresent)
                    .orElseThrow().dataAs(DeadlineMoved.class);
            assertThat(moved.taskId()).isEqualTo(taskId);
            assertThat(moved.previousDeadline()).isEqualTo(Instant.parse("2027-03-04T01:00:00Z"));
            assertThat(moved.deadline()).isEqualTo(Instant.parse("2027-03-05T01:00:00Z"));
            assertThat(moved.reason()).matches("working calendar v\\d+: 临时增加节假日");
            assertThat(moved.actor()).isEqualTo(new Actor("admin", "admin"));
        }
    }

    @Test
    void rulesAreServedAndAnEditLeavingACategoryWithoutARouteIsRefused() throws Exception {
        mvc.perform(get("/api/routing/rules").with(user("dispatcher", "dispatcher")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rules[?(@.id == 'weicheng-missing-cover')].unit", hasItem("dept-16")));
        mvc.perform(get("/api/routing/route").param("categoryCode", "02-04-06").param("districtCode", "610402")
                        .param("componentOwner", "dept-17").with(user("dispatcher", "dispatcher")))
                .andExpect(jsonPath("$.unitId").value("dept-17"))
                .andExpect(jsonPath("$.ruleId").value("owner-02-04-06-dept-17"));

        mvc.perform(put("/api/routing/rules").with(user("admin", "admin")).contentType(JSON)
                        .content("{\"basedOnVersion\":1,\"reason\":\"只留一条\",\"rules\":[{\"id\":\"r1\","
                                + "\"categoryCode\":\"09-99-99\",\"unit\":\"DISTRICT\"},{\"id\":\"r2\","
                                + "\"categoryCode\":\"02-01-02\",\"unit\":\"dept-99\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].rule", hasItem("known-category")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("rules[1].unit")));
        mvc.perform(put("/api/routing/rules").with(user("dispatcher", "dispatcher")).contentType(JSON)
                        .content("{\"basedOnVersion\":1,\"reason\":\"x\",\"rules\":[{\"id\":\"r1\","
                                + "\"categoryCode\":\"02-01-01\",\"unit\":\"DISTRICT\"}]}"))
                .andExpect(status().isForbidden());
    }

    private static String year2027(String extraDay, String kind) {
        return "{\"provisional\":true,\"source\":\"测试：2027年预排\",\"reason\":\"临时增加节假日\",\"days\":["
                + "{\"date\":\"2027-01-01\",\"kind\":\"HOLIDAY\",\"name\":\"元旦\"},"
                + "{\"date\":\"" + extraDay + "\",\"kind\":\"" + kind + "\",\"name\":\"测试\"}]}";
    }

    private String fileAndDispatch(String categoryCode) {
        String caseId = newCaseId("CAL");
        dispatching.onFiled(InboundCaseEvents.filing(CaseEvent.of(Producers.CASE_INTAKE, caseId, 2, clock.instant(),
                new CaseFiled(caseId, categoryCode, "610402", "6104020010010001", "符合立案标准",
                        new Actor("operator-li", "operator")))));
        return TaskId.firstOf(caseId).value();
    }

    private static JwtRequestPostProcessor user(String username, String role) {
        return jwt().jwt(j -> j.subject(username).claim("roles", List.of(role))).authorities(new RoleAuthorities());
    }
}
