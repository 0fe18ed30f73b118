package io.cityloop.intake.casefile.model;

import java.time.Instant;

/**
 * What the supervision center decided, as the case records it; the messaging adapter turns each into an
 * integration event. {@code sequence} is the case's own event counter at that change.
 */
public sealed interface CaseChange {

    long sequence();

    Instant at();

    Participant by();

    record Reported(long sequence, Instant at, Participant by) implements CaseChange {
    }

    /** {@code componentOwner}: the unit owning the component (部件权属单位) when the operator named it, else null. */
    record Filed(long sequence, Instant at, Participant by, String note, String componentOwner)
            implements CaseChange {
    }

    record Rejected(long sequence, Instant at, Participant by, RejectionReason reason, String note)
            implements CaseChange {
    }

    record VerificationRequested(long sequence, Instant at, Participant by, String taskId, String assignee,
                                 Instant dueBy) implements CaseChange {
    }

    record Verified(long sequence, Instant at, Participant by, String taskId, String note) implements CaseChange {
    }

    record ReworkRequired(long sequence, Instant at, Participant by, String taskId, String unitId, String reason)
            implements CaseChange {
    }

    record Closed(long sequence, Instant at, Participant by, String taskId) implements CaseChange {
    }

    record Merged(long sequence, Instant at, Participant by, String masterCaseId, String reason)
            implements CaseChange {
    }

    record Unmerged(long sequence, Instant at, Participant by, String masterCaseId, String reason)
            implements CaseChange {
    }

    record Cancelled(long sequence, Instant at, Participant by, String reason) implements CaseChange {
    }

    record InformationRequested(long sequence, Instant at, Participant by, String question) implements CaseChange {
    }

    /** 核实派遣 to {@code assignee}; {@code dispatchedOnTime} as {@link Confirmation#dispatchedOnTime()}. */
    record ConfirmationRequested(long sequence, Instant at, Participant by, String assignee, Instant dueBy,
                                 Boolean dispatchedOnTime) implements CaseChange {
    }

    /** 核实结果; a refuted report is also {@link Rejected}. */
    record Confirmed(long sequence, Instant at, Participant by, ConfirmationResult result, String note,
                     boolean onTime) implements CaseChange {
    }
}
