package io.cityloop.assessment.facts.model;

import java.time.Instant;

/**
 * 核实: a report that did not come from an inspector (a citizen's, the 12345 hotline's, a sensor's, a camera's) sent
 * before filing to the inspector of its cell to confirm on site within a working-time limit (核实时限), and the answer.
 * Not 核查, which checks a unit's work after handling and is a step of a task ({@link StepKind#VERIFICATION_REQUESTED}).
 *
 * <p>The request and the answer are separate events that may arrive in either order, so each half is filled in on
 * its own; when an event of a half comes twice with different business times (a report is sent once, so this is not
 * expected), the later one wins.
 *
 * @param assignee         the inspector asked to confirm
 * @param requestedAt      when it was sent
 * @param requestedBy      the operator who sent it; {@code null} when an automatic rule sent it (not a position)
 * @param dueBy            when the answer is due (核实时限, working time on the city's calendar)
 * @param dispatchedOnTime case-intake's judgement whether it was sent within the filing limit (核实按时派发);
 *                         {@code null} when case-intake does not track that limit
 * @param answeredAt       when the inspector (or a shift lead on the inspector's behalf) answered; {@code null} while
 *                         open
 * @param answeredBy       who answered
 * @param result           {@code CONFIRMED} (属实) or {@code REFUTED} (不属实)
 * @param answeredOnTime   whether the answer came by {@code dueBy} (按时核实); {@code null} while open
 */
public record Confirmation(String assignee, Instant requestedAt, String requestedBy, Instant dueBy,
                           Boolean dispatchedOnTime, Instant answeredAt, String answeredBy, String result,
                           Boolean answeredOnTime) {

    static final Confirmation NONE = new Confirmation(null, null, null, null, null, null, null, null, null);

    /** 核实派遣: the request half, unless a later request is already known. */
    Confirmation requested(String inspector, Instant at, String operator, Instant due, Boolean sentOnTime) {
        if (requestedAt != null && at.isBefore(requestedAt)) {
            return this;
        }
        return new Confirmation(inspector, at, operator, due, sentOnTime, answeredAt, answeredBy, result,
                answeredOnTime);
    }

    /** 核实结果: the answer half, unless a later answer is already known. */
    Confirmation answered(Instant at, String by, String outcome, boolean onTime) {
        if (answeredAt != null && at.isBefore(answeredAt)) {
            return this;
        }
        return new Confirmation(assignee, requestedAt, requestedBy, dueBy, dispatchedOnTime, at, by, outcome,
                onTime);
    }

    /** Whether an operator sent it; a request by the automatic rule is no operator's work. */
    public boolean sentByOperator() {
        return requestedBy != null;
    }

    /**
     * 按时核实 as seen at {@code cutOff}: answered before the cut-off and by the due time. An answer still open at
     * the cut-off is not on time, as an unanswered 核查 is not.
     */
    public boolean answeredOnTimeBefore(Instant cutOff) {
        return answeredAt != null && answeredAt.isBefore(cutOff) && Boolean.TRUE.equals(answeredOnTime);
    }
}
