package io.cityloop.intake.casefile.adapters.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.cityloop.events.Actor;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventCodec;
import io.cityloop.events.CaseEventTopics;
import io.cityloop.events.ReworkDispatched;
import io.cityloop.events.TaskAccepted;
import io.cityloop.events.TaskDispatched;
import io.cityloop.events.TaskHandled;
import io.cityloop.intake.casefile.application.DispatchMirror;
import io.cityloop.intake.casefile.model.Participant;
import io.cityloop.intake.casefile.model.TaskAssignment;

/** Reads the command center's events about cases; everything else on the topic is not case-intake's concern. */
@Component
class DispatchEventListener {

    private final CaseEventCodec codec;
    private final DispatchMirror mirror;

    DispatchEventListener(CaseEventCodec codec, DispatchMirror mirror) {
        this.codec = codec;
        this.mirror = mirror;
    }

    @KafkaListener(topics = CaseEventTopics.CASE_EVENTS, groupId = "${spring.kafka.consumer.group-id:case-intake}")
    void on(String record) {
        codec.decode(record).ifPresent(this::apply);
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
