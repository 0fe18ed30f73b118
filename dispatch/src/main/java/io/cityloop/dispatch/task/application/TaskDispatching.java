package io.cityloop.dispatch.task.application;

import java.time.Clock;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.cityloop.dispatch.routing.application.RoutingRuleBook;
import io.cityloop.dispatch.routing.model.Route;
import io.cityloop.dispatch.routing.model.RoutingRequest;
import io.cityloop.dispatch.routing.model.UnroutableCaseException;
import io.cityloop.dispatch.task.model.Assignment;
import io.cityloop.dispatch.task.model.DispatchOrder;
import io.cityloop.dispatch.task.model.FiledCase;
import io.cityloop.dispatch.task.model.PendingDispatch;
import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskId;

/**
 * 自动派遣: every filed case becomes a task for the unit the routing rules choose — unless automatic routing is
 * switched off or fails, and the case waits for a dispatcher ({@link ManualDispatching}).
 */
@Service
public class TaskDispatching {

    private static final Logger log = LoggerFactory.getLogger(TaskDispatching.class);

    private final RoutingRuleBook ruleBook;
    private final TaskDeadlines deadlines;
    private final TaskStore store;
    private final TaskMetrics metrics;
    private final ManualDispatching manual;
    private final AutoRoutingSwitch autoRouting;
    private final Clock clock;

    public TaskDispatching(RoutingRuleBook ruleBook, TaskDeadlines deadlines, TaskStore store, TaskMetrics metrics,
                           ManualDispatching manual, AutoRoutingSwitch autoRouting, Clock clock) {
        this.ruleBook = ruleBook;
        this.deadlines = deadlines;
        this.store = store;
        this.metrics = metrics;
        this.manual = manual;
        this.autoRouting = autoRouting;
        this.clock = clock;
    }

    /**
     * Dispatches a filed case, or parks it in the dispatch queue when automatic routing is off or cannot place
     * it. A redelivered filing finds its task, or its parked entry, already there and changes nothing.
     */
    public void onFiled(Filing filing) {
        FiledCase filed = filing.filedCase();
        TaskId id = TaskId.firstOf(filed.caseId());
        if (store.find(id).isPresent() || manual.isParked(filed.caseId())) {
            log.debug("filing {} of case {} already dispatched or parked", filing.eventId(), filed.caseId());
            return;
        }
        if (!autoRouting.isOn()) {
            manual.park(filing, PendingDispatch.AUTO_ROUTING_OFF, "automatic routing is off");
            return;
        }
        Route route;
        try {
            route = ruleBook.current().route(new RoutingRequest(filed.categoryCode(), filed.districtCode(),
                    filed.gridCode(), filing.componentOwner()), filed.category());
        } catch (UnroutableCaseException e) {
            metrics.routingFailed(e.reason());
            log.warn("case {} cannot be routed ({}): {}; parking it for a dispatcher", filed.caseId(), e.reason(),
                    e.getMessage());
            manual.park(filing, e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'), e.getMessage());
            return;
        }
        Task task = Task.dispatch(new DispatchOrder(id, filed, route, null, null, null, filing.eventId()),
                deadlines.rules(), clock.instant());
        if (store.insert(task)) {
            Assignment to = task.assignment();
            metrics.dispatched(to.unitId());
            log.info("case {} dispatched to {} {} as {} by rule {} v{}, deadline {}", filed.caseId(), to.unitId(),
                    to.unitName(), id, to.ruleId(), to.ruleSetVersion(), task.countdown().deadline());
        }
    }
}
