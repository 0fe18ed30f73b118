package io.cityloop.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The logical CloudEvents types on {@link CaseEventTopics#CASE_EVENTS}. The wire name never carries a Java
 * class name; a breaking payload change gets a new {@code .v2} constant beside the v1 one.
 */
public enum CaseEventType {

    REPORTED("cityloop.case.reported.v1", CaseReported.class),
    FILED("cityloop.case.filed.v1", CaseFiled.class),
    REJECTED("cityloop.case.rejected.v1", CaseRejected.class),
    DISPATCHED("cityloop.case.dispatched.v1", TaskDispatched.class),
    ACCEPTED("cityloop.case.accepted.v1", TaskAccepted.class),
    HANDLED("cityloop.case.handled.v1", TaskHandled.class),
    VERIFICATION_REQUESTED("cityloop.case.verification-requested.v1", VerificationRequested.class),
    VERIFIED("cityloop.case.verified.v1", CaseVerified.class),
    REWORK_REQUIRED("cityloop.case.rework-required.v1", ReworkRequired.class),
    REWORK_DISPATCHED("cityloop.case.rework-dispatched.v1", ReworkDispatched.class),
    CLOSED("cityloop.case.closed.v1", CaseClosed.class),
    RETURNED("cityloop.case.returned.v1", TaskReturned.class),
    RETURN_REVIEWED("cityloop.case.return-reviewed.v1", ReturnReviewed.class),
    EXTENSION_REQUESTED("cityloop.case.extension-requested.v1", ExtensionRequested.class),
    EXTENSION_DECIDED("cityloop.case.extension-decided.v1", ExtensionDecided.class),
    SUSPENDED("cityloop.case.suspended.v1", TaskSuspended.class),
    RESUMED("cityloop.case.resumed.v1", TaskResumed.class),
    DEADLINE_WARNING("cityloop.case.deadline-warning.v1", DeadlineWarning.class),
    OVERDUE("cityloop.case.overdue.v1", TaskOverdue.class),
    ESCALATED("cityloop.case.escalated.v1", TaskEscalated.class),
    MERGED("cityloop.case.merged.v1", CaseMerged.class),
    UNMERGED("cityloop.case.unmerged.v1", CaseUnmerged.class),
    CANCELLED("cityloop.case.cancelled.v1", CaseCancelled.class),
    INFORMATION_REQUESTED("cityloop.case.information-requested.v1", InformationRequested.class),
    DEADLINE_MOVED("cityloop.case.deadline-moved.v1", DeadlineMoved.class),
    CONFIRMATION_REQUESTED("cityloop.case.confirmation-requested.v1", ConfirmationRequested.class),
    CONFIRMED("cityloop.case.confirmed.v1", CaseConfirmed.class);

    private static final Map<String, CaseEventType> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(CaseEventType::wireName, Function.identity()));
    private static final Map<Class<? extends CaseEventData>, CaseEventType> BY_PAYLOAD = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(CaseEventType::payloadType, Function.identity()));

    private final String wireName;
    private final Class<? extends CaseEventData> payloadType;

    CaseEventType(String wireName, Class<? extends CaseEventData> payloadType) {
        this.wireName = wireName;
        this.payloadType = payloadType;
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends CaseEventData> payloadType() {
        return payloadType;
    }

    /** The verb between {@code cityloop.case.} and the version, e.g. {@code rework-required}. */
    public String verb() {
        String withoutPrefix = wireName.substring("cityloop.case.".length());
        return withoutPrefix.substring(0, withoutPrefix.lastIndexOf('.'));
    }

    public static Optional<CaseEventType> fromWireName(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }

    public static CaseEventType of(CaseEventData data) {
        return BY_PAYLOAD.get(data.getClass());
    }
}
