package io.cityloop.dispatch.task.application;

import java.util.List;
import java.util.Optional;

import io.cityloop.dispatch.task.model.PendingDispatch;

/** Where parked filed cases (待人工派遣) live. */
public interface PendingDispatchStore {

    /** Stores a newly parked case; {@code false} when the case or its filing event is parked already. */
    boolean park(PendingDispatch pending);

    Optional<PendingDispatch> find(String caseId);

    /** Cases still waiting for a dispatcher, longest waiting first. */
    List<PendingDispatch> waiting(int limit);

    /**
     * Stores the changed entry if nobody changed it since it was loaded.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException when somebody did
     */
    void update(PendingDispatch pending);
}
