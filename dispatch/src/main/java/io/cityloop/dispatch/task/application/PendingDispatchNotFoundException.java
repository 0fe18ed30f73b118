package io.cityloop.dispatch.task.application;

/** No filed case with this id is parked in the dispatch queue. */
public class PendingDispatchNotFoundException extends RuntimeException {

    public PendingDispatchNotFoundException(String caseId) {
        super("case " + caseId + " is not waiting in the dispatch queue");
    }
}
