package io.cityloop.intake.casefile.adapters.web;

import java.time.Duration;
import java.time.Instant;

import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.reference.WorkingCalendar;

/**
 * One line of an inspector's verification list (核查任务).
 *
 * @param remainingWorkingMinutes working time left before {@code dueBy} on the city's working calendar, negative
 *                                (the working time since) when overdue, as dispatch's tasks count it
 * @param lon                     the reported position (WGS84)
 * @param dispatchedUnitId        the handling unit of the current task, whose feedback is checked
 */
record VerificationItem(String caseId, String categoryCode, String categoryName, String address, String gridCode,
                        String assignee, Instant dueBy, String taskId, String unitName, Long remainingWorkingMinutes,
                        double lon, double lat, String description, String dispatchedUnitId) {

    static VerificationItem of(CaseFile file, WorkingCalendar calendar, Instant now) {
        Instant dueBy = file.verification().dueBy();
        return new VerificationItem(file.id(), file.category().code(), file.category().name(),
                file.location().address(), file.location().cellCode(), file.verification().assignee(), dueBy,
                file.currentTask() == null ? null : file.currentTask().taskId(),
                file.currentTask() == null ? null : file.currentTask().unitName(),
                remainingWorkingMinutes(calendar, dueBy, now), file.location().lon(), file.location().lat(),
                file.description(), file.currentTask() == null ? null : file.currentTask().unitId());
    }

    /** Working minutes from {@code now} to {@code dueBy}; after it, minus the working minutes since. */
    static Long remainingWorkingMinutes(WorkingCalendar calendar, Instant dueBy, Instant now) {
        if (dueBy == null) {
            return null;
        }
        Duration remaining = now.isAfter(dueBy)
                ? calendar.workingTimeBetween(dueBy, now).negated()
                : calendar.workingTimeBetween(now, dueBy);
        return remaining.toMinutes();
    }
}
