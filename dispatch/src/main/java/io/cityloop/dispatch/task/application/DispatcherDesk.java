package io.cityloop.dispatch.task.application;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.cityloop.dispatch.routing.application.RoutingRuleBook;
import io.cityloop.dispatch.routing.model.Route;
import io.cityloop.dispatch.routing.model.RoutingRequest;
import io.cityloop.dispatch.routing.model.RoutingRules;
import io.cityloop.dispatch.routing.model.UnroutableCaseException;
import io.cityloop.dispatch.task.model.DispatchOrder;
import io.cityloop.dispatch.task.model.IllegalTransitionException;
import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskId;
import io.cityloop.dispatch.task.model.TaskSubject;

/**
 * The dispatcher's and the supervisor's desk (派遣员 / 督办): judge returns and dispatch the case again, decide
 * extensions, suspend and resume, escalate. They act on every unit's tasks.
 *
 * <p>Every command may throw {@link TaskNotFoundException}, {@link StaleTaskException} and
 * {@link IllegalTransitionException}.
 */
@Service
public class DispatcherDesk {

    private static final Logger log = LoggerFactory.getLogger(DispatcherDesk.class);

    private final TaskCommandSupport tasks;
    private final TaskStore store;
    private final RoutingRuleBook ruleBook;
    private final TaskDeadlines deadlines;
    private final TaskMetrics metrics;
    private final Clock clock;

    public DispatcherDesk(TaskCommandSupport tasks, TaskStore store, RoutingRuleBook ruleBook,
                          TaskDeadlines deadlines, TaskMetrics metrics, Clock clock) {
        this.tasks = tasks;
        this.store = store;
        this.ruleBook = ruleBook;
        this.deadlines = deadlines;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** 回退审核: justified = routing error, not counted against the unit. */
    public Task reviewReturn(TaskId id, boolean justified, String reason, UnitMember dispatcher,
                             Long expectedVersion) {
        return tasks.apply(id, dispatcher, expectedVersion,
                task -> task.reviewReturn(dispatcher.asPerformer(), justified, reason, clock.instant()));
    }

    /**
     * 改派: dispatches a returned task's case again as the case's next task. Safe to repeat: the new task's source
     * is the returned task, so a second attempt finds it instead of making a third.
     *
     * @throws UnroutableCaseException when the chosen unit cannot take the case, or the rules would send it back
     *                                 to the unit that returned it
     */
    public Task redispatch(TaskId returnedId, Redispatch order, UnitMember dispatcher, Long expectedVersion) {
        Task returned = tasks.load(returnedId, dispatcher, expectedVersion);
        Instant now = clock.instant();
        String replacedBy = returned.handback().redispatchedAs();
        if (replacedBy != null) {
            throw new IllegalTransitionException(returnedId.value(), "re-dispatched", returned.status(),
                    "already re-dispatched as " + replacedBy);
        }
        String caseId = returned.subject().caseId();
        returned.markRedispatched(returnedId.next(caseId), dispatcher.asPerformer(), order.reason(), now);
        Route route = route(returned, order);
        TaskId nextId = returnedId.next(caseId);
        Task next = Task.dispatch(new DispatchOrder(nextId, returned.subject().filedCase(), route,
                dispatcher.asPerformer(), order.reason(), returnedId.value(), "redispatch:" + returnedId.value()),
                deadlines.rules(), now);
        if (store.insert(next)) {
            metrics.dispatched(next.assignment().unitId());
        }
        tasks.save(returned);
        log.info("case {} re-dispatched by {} from {} to {} as {}", caseId, dispatcher.username(),
                returned.assignment().unitId(), next.assignment().unitId(), nextId);
        return tasks.find(nextId);
    }

    /**
     * 改派 of an open task: the dispatcher moves it to another unit. The old task ends as a return judged justified
     * (a routing correction, not the unit's fault) and the case goes out as its next task, with {@code manual} as
     * the rule. The old task's conditional write comes first, so a unit that fed back a moment earlier wins and
     * no second open task appears.
     *
     * @throws UnroutableCaseException when the unit is unknown, another district's platform, or the task's own
     */
    public Task reassign(TaskId id, String unitChoice, String reason, UnitMember dispatcher, Long expectedVersion) {
        Task current = tasks.load(id, dispatcher, expectedVersion);
        TaskSubject subject = current.subject();
        Route route = ruleBook.current().manual(subject.categoryCode(), subject.terms(), subject.districtCode(),
                unitChoice);
        if (route.unit().id().equals(current.assignment().unitId())) {
            throw new UnroutableCaseException(UnroutableCaseException.Reason.SAME_UNIT,
                    "task " + id + " is already with " + current.assignment().unitName() + "; choose another unit");
        }
        Instant now = clock.instant();
        TaskId nextId = id.next(subject.caseId());
        current.reassign(nextId, dispatcher.asPerformer(), route.unit().name(), reason, now);
        Task next = Task.dispatch(new DispatchOrder(nextId, subject.filedCase(), route, dispatcher.asPerformer(),
                reason, id.value(), "reassign:" + id.value()), deadlines.rules(), now);
        tasks.save(current);
        if (store.insert(next)) {
            metrics.reassigned(current.assignment().unitId());
            metrics.dispatched(next.assignment().unitId());
        }
        log.info("task {} of case {} reassigned by {} from {} to {} as {}: {}", id, subject.caseId(),
                dispatcher.username(), current.assignment().unitId(), next.assignment().unitId(), nextId, reason);
        return tasks.find(nextId);
    }

    /** 挂账审批: approval stops the clock as {@link #suspend} does; rejection leaves it running. */
    public Task decideSuspension(TaskId id, boolean approved, String reason, UnitMember dispatcher,
                                 Long expectedVersion) {
        return tasks.apply(id, dispatcher, expectedVersion,
                task -> task.decideSuspension(dispatcher.asPerformer(), approved, reason, clock.instant()));
    }

    private Route route(Task returned, Redispatch order) {
        RoutingRules rules = ruleBook.current();
        TaskSubject subject = returned.subject();
        if (order.unitChoice() != null) {
            return rules.manual(subject.categoryCode(), subject.terms(), subject.districtCode(), order.unitChoice());
        }
        Route route = rules.route(new RoutingRequest(subject.categoryCode(), subject.districtCode(),
                subject.gridCode(), order.componentOwner()), subject.terms());
        if (route.unit().id().equals(returned.assignment().unitId())) {
            throw new UnroutableCaseException(UnroutableCaseException.Reason.SAME_UNIT, "rule " + route.ruleId()
                    + " routes the case back to " + returned.assignment().unitName()
                    + ", which returned it; name the unit");
        }
        return route;
    }

    /** 延期审批. */
    public Task decideExtension(TaskId id, boolean approved, String reason, UnitMember dispatcher,
                                Long expectedVersion) {
        Task saved = tasks.apply(id, dispatcher, expectedVersion,
                task -> task.decideExtension(dispatcher.asPerformer(), approved, reason, deadlines.rules(),
                        clock.instant()));
        metrics.extensionDecided(saved.assignment().unitId(), approved);
        return saved;
    }

    /** 挂账/缓办 on the dispatcher's own initiative: stops the deadline clock. */
    public Task suspend(TaskId id, String reason, UnitMember dispatcher, Long expectedVersion) {
        return tasks.apply(id, dispatcher, expectedVersion,
                task -> task.suspend(dispatcher.asPerformer(), reason, clock.instant()));
    }

    /** Starts the clock again; the deadline moves by the working time spent suspended. */
    public Task resume(TaskId id, String reason, UnitMember dispatcher, Long expectedVersion) {
        return tasks.apply(id, dispatcher, expectedVersion,
                task -> task.resume(dispatcher.asPerformer(), reason, deadlines.rules(), clock.instant()));
    }

    /** 督办 by hand: one level up. */
    public Task escalate(TaskId id, String reason, UnitMember supervisor, Long expectedVersion) {
        Task saved = tasks.apply(id, supervisor, expectedVersion,
                task -> task.escalate(supervisor.asPerformer(), reason, deadlines.rules(), clock.instant()));
        metrics.escalated(saved.assignment().unitId(), false);
        return saved;
    }
}
