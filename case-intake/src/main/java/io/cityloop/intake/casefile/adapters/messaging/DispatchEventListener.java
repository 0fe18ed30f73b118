package io.cityloop.intake.casefile.adapters.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

import io.cityloop.events.Actor;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.ReworkDispatched;
import io.cityloop.events.TaskAccepted;
import io.cityloop.events.TaskDispatched;
import io.cityloop.events.TaskHandled;
import io.cityloop.intake.casefile.application.CaseFileStore;
import io.cityloop.intake.casefile.application.DispatchMirror;
import io.cityloop.intake.casefile.model.Participant;
import io.cityloop.intake.casefile.model.TaskAssignment;
import io.cityloop.platform.messaging.CaseTopicListener;
import io.cityloop.platform.messaging.EventAudit;

/** Reads the command center's events about cases; everything else on the topic is not case-intake's concern. */
@Component
class DispatchEventListener extends CaseTopicListener {

    private final DispatchMirror mirror;
    private final CaseFileStore cases;

    DispatchEventListener(EventAudit audit, DispatchMirror mirror, CaseFileStore cases) {
        super(audit);
        this.mirror = mirror;
        this.cases = cases;
    }

    @Override
    protected void handle(CaseEvent event, ConsumerRecord<String, String> record) {
        if (concernsAKnownCase(record, event)) {
            apply(event);
        }
    }

    /** A task step for a case this service never filed cannot be genuine: refused loudly, not mirrored. */
    private boolean concernsAKnownCase(ConsumerRecord<String, String> record, CaseEvent event) {
        boolean mirrored = event.data() instanceof TaskDispatched || event.data() instanceof TaskAccepted
                || event.data() instanceof TaskHandled || event.data() instanceof ReworkDispatched;
        if (mirrored && cases.find(event.data().caseId()).isEmpty()) {
            refuse(record, event, "unknown-case", "case-intake has no case " + event.data().caseId());
            return false;
        }
        return true;
    }

    private void apply(CaseEvent event) {
        if (event.data() instanceof TaskDispatched d) {
            mirror.dispatched(d.caseId(), event.id(),
                    new TaskAssignment(d.taskId(), d.unitId(), d.unitName(), d.deadline()), by(d.actor()), event.time());
        } else if (event.data() instanceof TaskAccepted a) {
            mirror.accepted(a.caseId(), event.id(), by(a.actor()), event.time());
        } else if (event.data() instanceof TaskHandled h) {
            mirror.handled(h.caseId(), event.id(), by(h.actor()), h.note(), event.time());
        } else if (event.data() instanceof ReworkDispatched r) {
            mirror.reworkDispatched(r.caseId(), event.id(), by(r.actor()), r.deadline(), event.time());
        }
    }

    private static Participant by(Actor actor) {
        return new Participant(actor.id(), actor.role());
    }
}
