package io.cityloop.dispatch.task.adapters.messaging;

import java.util.List;

import org.springframework.stereotype.Component;

import io.cityloop.dispatch.task.model.Performer;
import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskEvent;
import io.cityloop.dispatch.task.model.TaskSubject;
import io.cityloop.events.Actor;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventCodec;
import io.cityloop.events.CaseEventData;
import io.cityloop.events.DeadlineMoved;
import io.cityloop.events.DeadlineWarning;
import io.cityloop.events.ExtensionDecided;
import io.cityloop.events.ExtensionRequested;
import io.cityloop.events.Producers;
import io.cityloop.events.ReturnReviewed;
import io.cityloop.events.ReworkDispatched;
import io.cityloop.events.TaskAccepted;
import io.cityloop.events.TaskDispatched;
import io.cityloop.events.TaskEscalated;
import io.cityloop.events.TaskHandled;
import io.cityloop.events.TaskOverdue;
import io.cityloop.events.TaskResumed;
import io.cityloop.events.TaskReturned;
import io.cityloop.events.TaskSuspended;
import io.cityloop.events.TimeLimit;
import io.cityloop.platform.outbox.OutboxEntry;

/**
 * Task events → integration events on {@code cityloop.case-events}, as the outbox entries the task store writes with
 * the task. The task is the emitting aggregate, so an event id is derived from (case, dispatch, task, the task's
 * event counter) and survives a re-publish.
 */
@Component
public class TaskEventTranslator {

    private final CaseEventCodec codec;

    TaskEventTranslator(CaseEventCodec codec) {
        this.codec = codec;
    }

    public List<OutboxEntry> outbox(Task task, List<TaskEvent> events) {
        return events.stream()
                .map(event -> CaseEvent.of(Producers.DISPATCH, task.id().value(), event.sequence(), event.at(),
                        payload(task, event)))
                .map(event -> OutboxEntry.of(event, codec))
                .toList();
    }

    private static CaseEventData payload(Task task, TaskEvent event) {
        String caseId = task.subject().caseId();
        String taskId = task.id().value();
        String unitId = task.assignment().unitId();
        Actor actor = actor(event.by());
        if (event instanceof TaskEvent.Dispatched dispatched) {
            TaskSubject subject = task.subject();
            return new TaskDispatched(caseId, taskId, unitId, task.assignment().unitName(), subject.categoryCode(),
                    subject.districtCode(), subject.gridCode(), dispatched.deadline(),
                    new TimeLimit(subject.timeLimit().amount(), subject.timeLimit().unit().name()), actor,
                    subject.categoryName(), subject.catalogVersion());
        }
        if (event instanceof TaskEvent.Accepted) {
            return new TaskAccepted(caseId, taskId, unitId, actor);
        }
        if (event instanceof TaskEvent.Handled handled) {
            return new TaskHandled(caseId, taskId, unitId, handled.note(), handled.photoRef(), handled.deadline(),
                    handled.onTime(), actor);
        }
        if (event instanceof TaskEvent.ReworkDispatched rework) {
            return new ReworkDispatched(caseId, taskId, unitId, rework.deadline(), rework.reworkCount(), actor);
        }
        if (event instanceof TaskEvent.Returned returned) {
            return new TaskReturned(caseId, taskId, unitId, returned.reason(), actor);
        }
        if (event instanceof TaskEvent.ReturnReviewed reviewed) {
            return new ReturnReviewed(caseId, taskId, unitId, reviewed.justified(), reviewed.reason(), actor);
        }
        if (event instanceof TaskEvent.ExtensionRequested requested) {
            return new ExtensionRequested(caseId, taskId, unitId, requested.requestedDeadline(), requested.reason(),
                    actor);
        }
        if (event instanceof TaskEvent.ExtensionDecided decided) {
            return new ExtensionDecided(caseId, taskId, unitId, decided.approved(), decided.deadline(),
                    decided.reason(), actor);
        }
        if (event instanceof TaskEvent.Suspended suspended) {
            return new TaskSuspended(caseId, taskId, unitId, suspended.reason(), actor);
        }
        if (event instanceof TaskEvent.Resumed resumed) {
            return new TaskResumed(caseId, taskId, unitId, resumed.deadline(), actor);
        }
        if (event instanceof TaskEvent.Warned warned) {
            return new DeadlineWarning(caseId, taskId, unitId, warned.deadline(), actor);
        }
        if (event instanceof TaskEvent.WentOverdue overdue) {
            return new TaskOverdue(caseId, taskId, unitId, overdue.deadline(), actor);
        }
        if (event instanceof TaskEvent.DeadlineMoved moved) {
            return new DeadlineMoved(caseId, taskId, unitId, moved.previousDeadline(), moved.deadline(),
                    moved.reason(), actor);
        }
        TaskEvent.Escalated escalated = (TaskEvent.Escalated) event;
        return new TaskEscalated(caseId, taskId, unitId, escalated.level(), escalated.reason(), actor);
    }

    private static Actor actor(Performer performer) {
        return new Actor(performer.id(), performer.role());
    }
}
