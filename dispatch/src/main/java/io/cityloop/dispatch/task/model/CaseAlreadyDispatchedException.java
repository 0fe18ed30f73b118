package io.cityloop.dispatch.task.model;

/** A parked case that a dispatcher (or another one, a moment earlier) already sent out. */
public class CaseAlreadyDispatchedException extends RuntimeException {

    public CaseAlreadyDispatchedException(String caseId, String taskId) {
        super("case " + caseId + " was already dispatched as " + taskId);
    }
}
