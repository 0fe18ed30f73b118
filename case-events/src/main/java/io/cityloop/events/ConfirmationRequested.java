package io.cityloop.events;

import java.time.Instant;

/**
 * 核实派遣: a report that did not come from an inspector (a citizen, the 12345 hotline, a sensor, a camera) is sent
 * to the inspector responsible for its cell to confirm on site before it is filed. Not 核查, which checks a unit's
 * work after handling ({@link VerificationRequested}).
 *
 * @param dueBy   when the inspector's answer is due (核实时限, working time on the city's calendar)
 * @param onTime  whether the operator sent it within the filing decision's limit (核实按时派发); null when the
 *                limit is not tracked
 */
public record ConfirmationRequested(
        String caseId,
        String assignee,
        String gridCode,
        Instant dueBy,
        Boolean onTime,
        Actor actor) implements CaseEventData {
}
