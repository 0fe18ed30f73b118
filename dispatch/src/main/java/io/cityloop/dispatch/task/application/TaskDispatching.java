package io.cityloop.dispatch.task.application;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.cityloop.dispatch.routing.application.RoutingRuleBook;
import io.cityloop.dispatch.routing.model.Route;
import io.cityloop.dispatch.routing.model.RoutingRequest;
import io.cityloop.dispatch.routing.model.UnroutableCaseException;
import io.cityloop.dispatch.task.model.DispatchOrder;
import io.cityloop.dispatch.task.model.FiledCase;
import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskId;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseFiled;
import io.cityloop.platform.outbox.OutboxRelay;

/** 自动派遣: every filed case becomes a task for the unit the routing rules choose. */
@Service
public class TaskDispatching {

    private static final Logger log = LoggerFactory.getLogger(TaskDispatching.class);

    private final RoutingRuleBook ruleBook;
    private final TaskDeadlines deadlines;
    private final TaskStore store;
    private final TaskEventTranslator translator;
    private final TaskMetrics metrics;
    private final OutboxRelay relay;
    private final Clock clock;

    public TaskDispatching(RoutingRuleBook ruleBook, TaskDeadlines deadlines, TaskStore store,
                           TaskEventTranslator translator, TaskMetrics metrics, OutboxRelay relay, Clock clock) {
        this.ruleBook = ruleBook;
        this.deadlines = deadlines;
        this.store = store;
        this.translator = translator;
        this.metrics = metrics;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * Dispatches a filed case. A redelivered filing finds its task already there (the task id derives from the
     * case) and changes nothing.
     *
     * @throws UnroutableCaseException when no unit can be chosen; counted and logged here, parked by the caller
     */
    public void onFiled(CaseEvent filedEvent) {
        CaseFiled filed = filedEvent.dataAs(CaseFiled.class);
        TaskId id = TaskId.firstOf(filed.caseId());
        if (store.find(id).isPresent()) {
            log.debug("filing {} of case {} already dispatched as {}", filedEvent.id(), filed.caseId(), id);
            return;
        }
        Route route = route(filed);
        Task task = Task.dispatch(new DispatchOrder(id, new FiledCase(filed.caseId(), filed.categoryCode(),
                filed.districtCode(), filed.gridCode()), route, null, null, null, filedEvent.id()),
                deadlines.rules(), clock.instant());
        List<CaseEvent> events = translator.translate(task, task.drainEvents());
        if (store.insert(task, events)) {
            metrics.dispatched(task.unitId());
            relay.nudge();
            log.info("case {} dispatched to {} {} as {} by rule {} v{}, deadline {}", filed.caseId(),
                    task.unitId(), task.unitName(), id, task.ruleId(), task.ruleSetVersion(), task.deadline());
        }
    }

    private Route route(CaseFiled filed) {
        try {
            return ruleBook.current().route(RoutingRequest.of(filed.categoryCode(), filed.districtCode(),
                    filed.gridCode()));
        } catch (UnroutableCaseException e) {
            metrics.routingFailed(e.reason());
            log.warn("case {} cannot be routed ({}): {}; parking it on the dead-letter topic", filed.caseId(),
                    e.reason(), e.getMessage());
            throw e;
        }
    }
}
