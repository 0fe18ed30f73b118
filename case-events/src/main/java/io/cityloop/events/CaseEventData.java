package io.cityloop.events;

/** The {@code data} of a case event. Every payload names its case. */
public sealed interface CaseEventData permits
        CaseReported, CaseFiled, CaseRejected, TaskDispatched, TaskAccepted, TaskHandled,
        VerificationRequested, CaseVerified, ReworkRequired, ReworkDispatched, CaseClosed,
        TaskReturned, ReturnReviewed, ExtensionRequested, ExtensionDecided, TaskSuspended, TaskResumed,
        DeadlineWarning, TaskOverdue, TaskEscalated, CaseMerged, CaseUnmerged, CaseCancelled, InformationRequested,
        DeadlineMoved, ConfirmationRequested, CaseConfirmed {

    String caseId();

    Actor actor();
}
