package io.cityloop.dispatch.task.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import io.cityloop.dispatch.routing.application.RoutingRuleBook;
import io.cityloop.dispatch.routing.model.Route;
import io.cityloop.dispatch.routing.model.UnroutableCaseException;
import io.cityloop.dispatch.task.model.Assignment;
import io.cityloop.dispatch.task.model.CaseAlreadyDispatchedException;
import io.cityloop.dispatch.task.model.DispatchOrder;
import io.cityloop.dispatch.task.model.PendingDispatch;
import io.cityloop.dispatch.task.model.Performer;
import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskId;

/**
 * 人工派遣: filed cases that automatic routing did not dispatch wait in the dispatch queue until a dispatcher names
 * the unit. The case then becomes its first task exactly as automatic routing would have made it, with
 * {@code manual} as the rule.
 */
@Service
public class ManualDispatching {

    private static final Logger log = LoggerFactory.getLogger(ManualDispatching.class);

    private final PendingDispatchStore pending;
    private final TaskStore tasks;
    private final RoutingRuleBook ruleBook;
    private final TaskDeadlines deadlines;
    private final TaskMetrics metrics;
    private final Clock clock;

    public ManualDispatching(PendingDispatchStore pending, TaskStore tasks, RoutingRuleBook ruleBook,
                             TaskDeadlines deadlines, TaskMetrics metrics, Clock clock) {
        this.pending = pending;
        this.tasks = tasks;
        this.ruleBook = ruleBook;
        this.deadlines = deadlines;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Parks a filed case for a dispatcher; a redelivered filing changes nothing. */
    void park(Filing filing, String cause, String detail) {
        PendingDispatch parked = PendingDispatch.park(filing.eventId(), filing.filedCase(), filing.filedAt(), cause,
                detail, clock.instant());
        if (pending.park(parked)) {
            metrics.parked(cause);
            log.warn("case {} parked in the dispatch queue ({}): {}", parked.caseId(), cause, detail);
        }
    }

    boolean isParked(String caseId) {
        return pending.find(caseId).isPresent();
    }

    public List<PendingDispatch> waiting(int limit) {
        return pending.waiting(limit);
    }

    /**
     * Dispatches a parked case to the dispatcher's choice: a unit id, or {@code DISTRICT} for the case's district
     * platform. Of two dispatchers acting at once, the first makes the task; the second is told the case is gone.
     *
     * @throws PendingDispatchNotFoundException no such case in the queue
     * @throws CaseAlreadyDispatchedException   the case was dispatched already
     * @throws UnroutableCaseException          the unit, or the case's category or district, is unknown, or the
     *                                          unit is another district's platform
     */
    public Task dispatch(String caseId, String unitChoice, String reason, UnitMember dispatcher) {
        PendingDispatch parked = pending.find(caseId).orElseThrow(() -> new PendingDispatchNotFoundException(caseId));
        Instant now = clock.instant();
        TaskId id = TaskId.firstOf(caseId);
        Performer by = dispatcher.asPerformer();
        PendingDispatch dispatched = parked.dispatchedAs(id, by, reason, now);
        Route route = ruleBook.current().manual(parked.categoryCode(), parked.category(), parked.districtCode(),
                unitChoice);
        Task task = Task.dispatch(new DispatchOrder(id, parked.filedCase(), route, by, reason, null,
                parked.filedEventId()), deadlines.rules(), now);
        if (!tasks.insert(task)) {
            Assignment existing = tasks.find(id).orElseThrow().assignment();
            markDispatched(parked.dispatchedAs(id, new Performer(existing.dispatchedBy(), "dispatcher"),
                    existing.dispatchReason() == null ? "dispatched" : existing.dispatchReason(),
                    existing.dispatchedAt()));
            throw new CaseAlreadyDispatchedException(caseId, id.value());
        }
        metrics.dispatched(task.assignment().unitId());
        markDispatched(dispatched);
        log.info("case {} dispatched by hand by {} to {} {} as {}: {}", caseId, dispatcher.username(),
                task.assignment().unitId(), task.assignment().unitName(), id, reason);
        return tasks.find(id).orElseThrow();
    }

    /** The task is what counts; a concurrent mark of the same entry says the same thing. */
    private void markDispatched(PendingDispatch dispatched) {
        try {
            pending.update(dispatched);
        } catch (OptimisticLockingFailureException e) {
            log.debug("dispatch queue entry of case {} was marked meanwhile", dispatched.caseId());
        }
    }
}
