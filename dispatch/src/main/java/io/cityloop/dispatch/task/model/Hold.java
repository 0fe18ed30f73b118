package io.cityloop.dispatch.task.model;

/**
 * A waiting status (延期申请中, 挂账, 挂账申请中): the status the task comes back to, and the unit's request the
 * dispatcher has yet to decide. {@link #NONE} while the task waits for nothing.
 */
public record Hold(TaskStatus statusBeforeHold, ExtensionRequest pendingExtension,
                   SuspensionRequest pendingSuspension) {

    static final Hold NONE = new Hold(null, null, null);

    static Hold returningTo(TaskStatus status) {
        return new Hold(status, null, null);
    }

    Hold awaiting(ExtensionRequest request) {
        return new Hold(statusBeforeHold, request, pendingSuspension);
    }

    Hold awaiting(SuspensionRequest request) {
        return new Hold(statusBeforeHold, pendingExtension, request);
    }
}
