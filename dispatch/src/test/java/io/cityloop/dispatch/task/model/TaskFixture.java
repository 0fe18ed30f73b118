package io.cityloop.dispatch.task.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import io.cityloop.dispatch.routing.model.RoutingRules;
import io.cityloop.reference.CityReference;
import io.cityloop.reference.WorkingCalendar;

/** Tasks in a given status, reached by replaying the real transitions of an exposed-garbage case in 秦都区. */
final class TaskFixture {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final CityReference REFERENCE = CityReference.load();
    static final WorkingCalendar CALENDAR = REFERENCE.calendar();
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
        return Task.dispatch(TaskId.firstOf(CASE_ID),
                new FiledCase(CASE_ID, categoryCode, "610402", "6104020010010001"),
                new RoutingRules(REFERENCE).route(categoryCode, "610402"), CALENDAR, FRIDAY_1700, FILED_EVENT);
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
        task.reopenForRework("rework-event-1", INSPECTOR, "现场仍有垃圾残留", CALENDAR, at(2026, 9, 21, 10, 0));
        return task;
    }
}
