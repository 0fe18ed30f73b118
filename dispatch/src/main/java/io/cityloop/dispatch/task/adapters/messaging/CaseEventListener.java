package io.cityloop.dispatch.task.adapters.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.cityloop.dispatch.task.application.TaskDispatching;
import io.cityloop.dispatch.task.application.TaskRework;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventCodec;
import io.cityloop.events.CaseEventTopics;
import io.cityloop.events.CaseFiled;
import io.cityloop.events.ReworkRequired;

/**
 * The command center listens for two things on the case lifecycle: a case was filed (dispatch it) and an on-site
 * check failed (send the task back). Every other event, including its own, is none of its business here.
 */
@Component
class CaseEventListener {

    private final CaseEventCodec codec;
    private final TaskDispatching dispatching;
    private final TaskRework rework;

    CaseEventListener(CaseEventCodec codec, TaskDispatching dispatching, TaskRework rework) {
        this.codec = codec;
        this.dispatching = dispatching;
        this.rework = rework;
    }

    @KafkaListener(topics = CaseEventTopics.CASE_EVENTS)
    void on(String record) {
        codec.decode(record).ifPresent(this::apply);
    }

    private void apply(CaseEvent event) {
        if (event.data() instanceof CaseFiled) {
            dispatching.onFiled(event);
        } else if (event.data() instanceof ReworkRequired) {
            rework.onReworkRequired(event);
        }
    }
}
