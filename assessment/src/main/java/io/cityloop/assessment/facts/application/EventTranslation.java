package io.cityloop.assessment.facts.application;

import java.time.Instant;
import java.util.function.UnaryOperator;

import io.cityloop.assessment.facts.model.CaseFacts;
import io.cityloop.assessment.facts.model.StepKind;
import io.cityloop.assessment.facts.model.TaskAssignment;
import io.cityloop.assessment.facts.model.TaskStep;
import io.cityloop.events.Actor;
import io.cityloop.events.CaseCancelled;
import io.cityloop.events.CaseClosed;
import io.cityloop.events.CaseConfirmed;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventData;
import io.cityloop.events.CaseFiled;
import io.cityloop.events.CaseMerged;
import io.cityloop.events.CaseRejected;
import io.cityloop.events.CaseReported;
import io.cityloop.events.CaseUnmerged;
import io.cityloop.events.CaseVerified;
import io.cityloop.events.ConfirmationRequested;
import io.cityloop.events.DeadlineMoved;
import io.cityloop.events.DeadlineWarning;
import io.cityloop.events.ExtensionDecided;
import io.cityloop.events.ExtensionRequested;
import io.cityloop.events.ReturnReviewed;
import io.cityloop.events.ReworkDispatched;
import io.cityloop.events.ReworkRequired;
import io.cityloop.events.TaskAccepted;
import io.cityloop.events.TaskDispatched;
import io.cityloop.events.TaskEscalated;
import io.cityloop.events.TaskHandled;
import io.cityloop.events.TaskOverdue;
import io.cityloop.events.TaskResumed;
import io.cityloop.events.TaskReturned;
import io.cityloop.events.TaskSuspended;
import io.cityloop.events.VerificationRequested;

/**
 * Integration events (case-events v1 payloads) → changes of case facts. Case-level events change the case; every
 * task event becomes a dated {@link TaskStep}. System actors (auto-routing, automatic close) are not positions and
 * are not recorded as actors.
 */
final class EventTranslation {

    private EventTranslation() {
    }

    static UnaryOperator<CaseFacts> changeFor(CaseEvent event) {
        UnaryOperator<CaseFacts> caseChange = caseChange(event);
        return caseChange != null ? caseChange : taskChange(event);
    }

    private static UnaryOperator<CaseFacts> caseChange(CaseEvent event) {
        String id = event.id();
        Instant at = event.time();
        CaseEventData data = event.data();
        if (data instanceof CaseReported r) {
            return facts -> facts.reported(id, at, new CaseFacts.Report(r.source(), person(r.actor()),
                    r.districtCode(), r.gridCode(), r.categoryCode()));
        }
        if (data instanceof CaseFiled f) {
            return facts -> facts.filed(id, at, new CaseFacts.Report(null, person(f.actor()), f.districtCode(),
                    f.gridCode(), f.categoryCode()), role(f.actor()));
        }
        if (data instanceof CaseRejected r) {
            return facts -> facts.rejected(id, at, person(r.actor()));
        }
        if (data instanceof CaseCancelled) {
            return facts -> facts.cancelled(id, at);
        }
        if (data instanceof CaseMerged m) {
            return facts -> facts.merged(id, at, m.masterCaseId(), person(m.actor()));
        }
        if (data instanceof CaseUnmerged) {
            return facts -> facts.unmerged(id, at);
        }
        if (data instanceof CaseClosed) {
            return facts -> facts.closed(id, at);
        }
        if (data instanceof ConfirmationRequested c) {
            // the automatic rule (a system actor) is no operator: its request is kept without a sender
            return facts -> facts.confirmationRequested(id, at, c.assignee(), person(c.actor()), c.dueBy(),
                    c.onTime());
        }
        if (data instanceof CaseConfirmed c) {
            return facts -> facts.confirmationAnswered(id, at, person(c.actor()), c.result(), c.onTime());
        }
        if (data instanceof TaskDispatched d) {
            return facts -> facts.dispatched(id, new TaskAssignment(d.taskId(), d.unitId(), d.unitName(),
                    d.districtCode(), at, d.deadline(), person(d.actor())));
        }
        return null;
    }

    private static UnaryOperator<CaseFacts> taskChange(CaseEvent event) {
        String id = event.id();
        Instant at = event.time();
        CaseEventData data = event.data();
        if (data instanceof TaskAccepted a) {
            return step(id, a.taskId(), a.unitId(), TaskStep.of(at, StepKind.ACCEPTED));
        }
        if (data instanceof TaskHandled h) {
            return step(id, h.taskId(), h.unitId(), new TaskStep(at, StepKind.HANDLED, null, h.deadline(),
                    h.onTime(), 0));
        }
        if (data instanceof TaskReturned r) {
            return step(id, r.taskId(), r.unitId(), TaskStep.of(at, StepKind.RETURNED));
        }
        if (data instanceof ReturnReviewed r) {
            return step(id, r.taskId(), r.unitId(), new TaskStep(at, StepKind.RETURN_REVIEWED, person(r.actor()),
                    null, r.justified(), 0));
        }
        if (data instanceof ExtensionRequested r) {
            return step(id, r.taskId(), r.unitId(), new TaskStep(at, StepKind.EXTENSION_REQUESTED, null,
                    r.requestedDeadline(), false, 0));
        }
        if (data instanceof ExtensionDecided d) {
            return step(id, d.taskId(), d.unitId(), new TaskStep(at, StepKind.EXTENSION_DECIDED, person(d.actor()),
                    d.deadline(), d.approved(), 0));
        }
        if (data instanceof TaskSuspended s) {
            return step(id, s.taskId(), s.unitId(), TaskStep.of(at, StepKind.SUSPENDED));
        }
        if (data instanceof TaskResumed r) {
            return step(id, r.taskId(), r.unitId(), new TaskStep(at, StepKind.RESUMED, null, r.deadline(), false, 0));
        }
        if (data instanceof DeadlineMoved m) {
            return step(id, m.taskId(), m.unitId(), new TaskStep(at, StepKind.DEADLINE_MOVED, null, m.deadline(),
                    false, 0));
        }
        if (data instanceof DeadlineWarning w) {
            return step(id, w.taskId(), w.unitId(), new TaskStep(at, StepKind.WARNED, null, w.deadline(), false, 0));
        }
        if (data instanceof TaskOverdue o) {
            return step(id, o.taskId(), o.unitId(), new TaskStep(at, StepKind.OVERDUE_FLAGGED, null, o.deadline(),
                    false, 0));
        }
        if (data instanceof TaskEscalated e) {
            return step(id, e.taskId(), e.unitId(), new TaskStep(at, StepKind.ESCALATED, person(e.actor()), null,
                    false, e.level()));
        }
        return verificationChange(event);
    }

    private static UnaryOperator<CaseFacts> verificationChange(CaseEvent event) {
        String id = event.id();
        Instant at = event.time();
        CaseEventData data = event.data();
        if (data instanceof VerificationRequested v) {
            return step(id, v.taskId(), null, new TaskStep(at, StepKind.VERIFICATION_REQUESTED, v.assignee(),
                    v.dueBy(), false, 0));
        }
        if (data instanceof CaseVerified v) {
            return step(id, v.taskId(), null, new TaskStep(at, StepKind.VERIFIED, person(v.actor()), null, true, 0));
        }
        if (data instanceof ReworkRequired r) {
            return step(id, r.taskId(), r.unitId(), new TaskStep(at, StepKind.REWORK_REQUIRED, person(r.actor()),
                    null, false, 0));
        }
        if (data instanceof ReworkDispatched r) {
            return step(id, r.taskId(), r.unitId(), new TaskStep(at, StepKind.REWORK_DISPATCHED, person(r.actor()),
                    r.deadline(), false, r.reworkCount()));
        }
        return facts -> facts.noted(id);
    }

    private static UnaryOperator<CaseFacts> step(String eventId, String taskId, String unitId, TaskStep step) {
        if (taskId == null) {
            return facts -> facts.noted(eventId);
        }
        return facts -> facts.taskStep(eventId, taskId, unitId, step);
    }

    private static String role(Actor actor) {
        return person(actor) == null ? null : actor.role();
    }

    private static String person(Actor actor) {
        if (actor == null || Actor.SYSTEM_ROLE.equals(actor.role())) {
            return null;
        }
        return actor.id();
    }
}
