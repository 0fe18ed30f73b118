package io.cityloop.dispatch.task.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import io.cityloop.dispatch.routing.model.RoutingRequest;
import io.cityloop.dispatch.routing.model.RoutingRules;
import io.cityloop.dispatch.routing.model.RuleSet;
import io.cityloop.reference.CityReference;
import io.cityloop.reference.WorkingCalendar;

/** Tasks in a given status, reached by replaying the real transitions of an exposed-garbage case in 秦都区. */
final class TaskFixture {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final CityReference REFERENCE = CityReference.load();
    static final WorkingCalendar CALENDAR = REFERENCE.calendar();
    /** 80% warning, one working day per automatic escalation level, at most three. */
    static final DeadlineRules RULES = new DeadlineRules(CALENDAR, 0.8, Duration.ofHours(7), 3);
    static final RoutingRules ROUTING = new RoutingRules(REFERENCE, categoryDefaults());
    static final String CASE_ID = "QD-202609-0042";
    static final String FILED_EVENT = "filed-event-1";
    static final Performer HANDLER = new Performer("qindu-platform", "department");
    static final Performer INSPECTOR = new Performer("inspector-zhang", "inspector");

    /** Friday 2026-09-18 17:00: one working hour left in the week. */
    static final Instant FRIDAY_1700 = at(2026, 9, 18, 17, 0);

    private TaskFixture() {
    }

    static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(SHANGHAI).toInstant();
    }

    static Task dispatchedTask() {
        return dispatchedTask("02-01-01");
    }

    static Task dispatchedTask(String categoryCode) {
        return dispatchedTaskAt(categoryCode, FRIDAY_1700);
    }

    static Task dispatchedTaskAt(String categoryCode, Instant when) {
        FiledCase filed = new FiledCase(CASE_ID, categoryCode, "610402", "6104020010010001");
        return Task.dispatch(new DispatchOrder(TaskId.firstOf(CASE_ID), filed,
                ROUTING.route(RoutingRequest.of(categoryCode, "610402", filed.gridCode())), null, null, null,
                FILED_EVENT), RULES, when);
    }

    /** Each category to its catalog default unit: the rules the command center starts from. */
    static RuleSet categoryDefaults() {
        return new RuleSet(1, REFERENCE.catalog().all().stream()
                .map(c -> new io.cityloop.dispatch.routing.model.RoutingRule("default-" + c.code(), c.code(), null,
                        null, null, null, c.defaultUnit(), null))
                .toList());
    }

    static Task acceptedTask() {
        Task task = dispatchedTask();
        task.accept(HANDLER, at(2026, 9, 20, 9, 0));
        return task;
    }

    static Task handledTask() {
        Task task = acceptedTask();
        task.markHandled(HANDLER, "垃圾已清运，地面已冲洗", "photo-7781", at(2026, 9, 20, 11, 0));
        return task;
    }

    static Task reworkTask() {
        Task task = handledTask();
        task.reopenForRework("rework-event-1", INSPECTOR, "现场仍有垃圾残留", RULES, at(2026, 9, 21, 10, 0));
        return task;
    }

    static final Performer DISPATCHER = new Performer("dispatcher-wang", "dispatcher");

    static Task returnedTask() {
        Task task = dispatchedTask();
        task.returnToDispatcher(HANDLER, "该地点属渭城区辖区", at(2026, 9, 20, 9, 0));
        return task;
    }

    static Task extensionRequestedTask() {
        Task task = acceptedTask();
        task.requestExtension(HANDLER, Duration.ofHours(14), "需协调环卫车辆，申请延期2个工作日", RULES,
                at(2026, 9, 20, 10, 0));
        return task;
    }

    static Task suspensionRequestedTask() {
        Task task = acceptedTask();
        task.requestSuspension(HANDLER, "道路改造工程施工中，申请缓办", at(2026, 9, 20, 10, 0));
        return task;
    }

    static Task suspendedTask() {
        Task task = acceptedTask();
        task.suspend(DISPATCHER, "需纳入年度改造计划，挂账", at(2026, 9, 20, 10, 0));
        return task;
    }
}
