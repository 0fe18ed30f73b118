package io.cityloop.intake.casefile.model;

import java.time.Instant;
import java.util.List;

/**
 * 受理/立案: the operator's filing decision on the report — its clock (受理时限), the open cases the report probably
 * duplicates (a flag for the operator, nearest first) and, while it is merged, the case it was merged into.
 *
 * @param filingDueBy     when the decision is due, null when not tracked
 * @param filingDecidedAt when the operator first decided, null until then
 * @param filingOnTime    whether that first decision came within the limit; null until decided
 * @param masterCaseId    the case this one is merged into, while MERGED
 * @param confirmation    the 核实 the report was sent to before the decision, null when none
 */
public record Filing(Instant filingDueBy, Instant filingDecidedAt, Boolean filingOnTime,
                     List<String> probableDuplicates, String masterCaseId, Confirmation confirmation) {

    public Filing {
        probableDuplicates = probableDuplicates == null ? List.of() : List.copyOf(probableDuplicates);
    }

    static Filing dueBy(Instant dueBy) {
        return new Filing(dueBy, null, null, List.of(), null, null);
    }

    /** The operator's first decision stops the clock; later ones leave it as it stopped. */
    Filing decidedAt(Instant now) {
        if (filingDecidedAt != null) {
            return this;
        }
        return new Filing(filingDueBy, now, filingDueBy == null || !now.isAfter(filingDueBy), probableDuplicates,
                masterCaseId, confirmation);
    }

    Filing flagging(List<String> masters) {
        return new Filing(filingDueBy, filingDecidedAt, filingOnTime, masters, masterCaseId, confirmation);
    }

    Filing mergedInto(String master) {
        return new Filing(filingDueBy, filingDecidedAt, filingOnTime, probableDuplicates, master, confirmation);
    }

    Filing confirming(Confirmation next) {
        return new Filing(filingDueBy, filingDecidedAt, filingOnTime, probableDuplicates, masterCaseId, next);
    }
}
