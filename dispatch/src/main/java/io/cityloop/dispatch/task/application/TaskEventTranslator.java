package io.cityloop.dispatch.task.application;

import java.util.List;

import org.springframework.stereotype.Component;

import io.cityloop.dispatch.task.model.Performer;
import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskEvent;
import io.cityloop.events.Actor;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventData;
import io.cityloop.events.Producers;
import io.cityloop.events.ReworkDispatched;
import io.cityloop.events.TaskAccepted;
import io.cityloop.events.TaskDispatched;
import io.cityloop.events.TaskHandled;
import io.cityloop.events.TimeLimit;

/**
 * Task events → integration events on {@code cityloop.case-events}. The task is the emitting aggregate, so an event
 * id is derived from (case, dispatch, task, the task's event counter) and survives a re-publish.
 */
@Component
public class TaskEventTranslator {

    public List<CaseEvent> translate(Task task, List<TaskEvent> events) {
        return events.stream()
                .map(event -> CaseEvent.of(Producers.DISPATCH, task.id().value(), event.sequence(), event.at(),
                        payload(task, event)))
                .toList();
    }

    private static CaseEventData payload(Task task, TaskEvent event) {
        String taskId = task.id().value();
        Actor actor = actor(event.by());
        if (event instanceof TaskEvent.Dispatched dispatched) {
            return new TaskDispatched(task.caseId(), taskId, task.unitId(), task.unitName(), task.categoryCode(),
                    task.districtCode(), task.gridCode(), dispatched.deadline(),
                    new TimeLimit(task.timeLimit().amount(), task.timeLimit().unit().name()), actor);
        }
        if (event instanceof TaskEvent.Accepted) {
            return new TaskAccepted(task.caseId(), taskId, task.unitId(), actor);
        }
        if (event instanceof TaskEvent.Handled handled) {
            return new TaskHandled(task.caseId(), taskId, task.unitId(), handled.note(), handled.photoRef(),
                    handled.deadline(), handled.onTime(), actor);
        }
        TaskEvent.ReworkDispatched rework = (TaskEvent.ReworkDispatched) event;
        return new ReworkDispatched(task.caseId(), taskId, task.unitId(), rework.deadline(), rework.reworkCount(),
                actor);
    }

    private static Actor actor(Performer performer) {
        return new Actor(performer.id(), performer.role());
    }
}
