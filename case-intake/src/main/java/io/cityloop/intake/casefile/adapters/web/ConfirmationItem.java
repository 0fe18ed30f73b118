package io.cityloop.intake.casefile.adapters.web;

import java.time.Instant;

import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.Confirmation;
import io.cityloop.reference.WorkingCalendar;

/**
 * One line of an inspector's 核实 list: a report to confirm on site before it is filed.
 *
 * @param remainingWorkingMinutes working time left before {@code dueBy}, negative (the working time since) when
 *                                overdue
 * @param source                  where the report came from (PUBLIC, HOTLINE, SENSOR, VIDEO_AI)
 */
record ConfirmationItem(String caseId, String categoryCode, String categoryName, String address, String gridCode,
                        String assignee, Instant requestedAt, Instant dueBy, Long remainingWorkingMinutes,
                        double lon, double lat, String description, String source) {

    static ConfirmationItem of(CaseFile file, WorkingCalendar calendar, Instant now) {
        Confirmation open = file.confirmation();
        return new ConfirmationItem(file.id(), file.category().code(), file.category().name(),
                file.location().address(), file.location().cellCode(), open.assignee(), open.requestedAt(),
                open.dueBy(), VerificationItem.remainingWorkingMinutes(calendar, open.dueBy(), now),
                file.location().lon(), file.location().lat(), file.description(), file.source().name());
    }
}
