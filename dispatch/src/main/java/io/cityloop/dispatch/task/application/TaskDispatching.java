package io.cityloop.dispatch.task.application;

import java.time.Clock;
import java.util.List;
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
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseFiled;

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
    private final TaskEventTranslator translator;
    private final TaskMetrics metrics;
    private final ManualDispatching manual;
    private final AutoRoutingSwitch autoRouting;
    private final Clock clock;

    public TaskDispatching(RoutingRuleBook ruleBook, TaskDeadlines deadlines, TaskStore store,
                           TaskEventTranslator translator, TaskMetrics metrics, ManualDispatching manual,
                           AutoRoutingSwitch autoRouting, Clock clock) {
        this.ruleBook = ruleBook;
        this.deadlines = deadlines;
        this.store = store;
        this.translator = translator;
        this.metrics = metrics;
        this.manual = manual;
        this.autoRouting = autoRouting;
        this.clock = clock;
    }

    /**
     * Dispatches a filed case, or parks it in the dispatch queue when automatic routing is off or cannot place
     * it. A redelivered filing finds its task, or its parked entry, already there and changes nothing.
     */
    public void onFiled(CaseEvent filedEvent) {
        CaseFiled filed = filedEvent.dataAs(CaseFiled.class);
        TaskId id = TaskId.firstOf(filed.caseId());
        if (store.find(id).isPresent() || manual.isParked(filed.caseId())) {
            log.debug("filing {} of case {} already dispatched or parked", filedEvent.id(), filed.caseId());
            return;
        }
        FiledCase filedCase = new FiledCase(filed.caseId(), filed.categoryCode(), filed.districtCode(),
                filed.gridCode());
        if (!autoRouting.isOn()) {
            manual.park(filedEvent, filedCase, PendingDispatch.AUTO_ROUTING_OFF, "automatic routing is off");
            return;
        }
        Route route;
        try {
            route = ruleBook.current().route(new RoutingRequest(filed.categoryCode(), filed.districtCode(),
                    filed.gridCode(), filed.componentOwner()));
        } catch (UnroutableCaseException e) {
            metrics.routingFailed(e.reason());
            log.warn("case {} cannot be routed ({}): {}; parking it for a dispatcher", filed.caseId(), e.reason(),
                    e.getMessage());
            manual.park(filedEvent, filedCase, e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    e.getMessage());
            return;
        }
        Task task = Task.dispatch(new DispatchOrder(id, filedCase, route, null, null, null, filedEvent.id()),
                deadlines.rules(), clock.instant());
        List<CaseEvent> events = translator.translate(task, task.drainEvents());
        if (store.insert(task, events)) {
            metrics.dispatched(task.assignment().unitId());
            Assignment to = task.assignment();
            log.info("case {} dispatched to {} {} as {} by rule {} v{}, deadline {}", filed.caseId(), to.unitId(),
                    to.unitName(), id, to.ruleId(), to.ruleSetVersion(), task.countdown().deadline());
        }
    }
}
