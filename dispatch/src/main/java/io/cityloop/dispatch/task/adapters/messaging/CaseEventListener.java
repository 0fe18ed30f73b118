package io.cityloop.dispatch.task.adapters.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

import io.cityloop.dispatch.task.application.TaskDispatching;
import io.cityloop.dispatch.task.application.TaskRework;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseFiled;
import io.cityloop.events.ReworkRequired;
import io.cityloop.platform.messaging.CaseTopicListener;
import io.cityloop.platform.messaging.EventAudit;

/**
 * The command center listens for two things on the case lifecycle: a case was filed (dispatch it) and an on-site
 * check failed (send the task back). Every other event, including its own, is none of its business here. A filing
 * or a failed check that case-intake did not publish (another Kafka client wrote it) is refused, logged and counted
 * ({@link EventAudit}): it would put a forged task in a unit's inbox and scorecard.
 */
@Component
class CaseEventListener extends CaseTopicListener {

    private final TaskDispatching dispatching;
    private final TaskRework rework;

    CaseEventListener(EventAudit audit, TaskDispatching dispatching, TaskRework rework) {
        super(audit);
        this.dispatching = dispatching;
        this.rework = rework;
    }

    @Override
    protected void handle(CaseEvent event, ConsumerRecord<String, String> record) {
        if (event.data() instanceof CaseFiled) {
            dispatching.onFiled(InboundCaseEvents.filing(event));
        } else if (event.data() instanceof ReworkRequired) {
            rework.onReworkRequired(InboundCaseEvents.reworkRequest(event));
        }
    }
}
