package io.cityloop.platform.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventTopics;

/**
 * The one shape of a service's consumer of {@value CaseEventTopics#CASE_EVENTS}: a service's messaging adapter
 * extends it (as a {@code @Component}) and says only what it does with an event it can trust. Every record is
 * decoded and audited first ({@link EventAudit}: an unknown type is skipped, an event its owner did not publish is
 * refused, both logged and counted); a record that is not a readable event, or whose handling keeps failing, goes to
 * the dead-letter topic after the platform's bounded retries ({@link DeadLetters}). The consumer group is the
 * service's {@code spring.kafka.consumer.group-id}.
 */
public abstract class CaseTopicListener {

    private final EventAudit audit;

    protected CaseTopicListener(EventAudit audit) {
        this.audit = audit;
    }

    @KafkaListener(topics = CaseEventTopics.CASE_EVENTS)
    public void on(ConsumerRecord<String, String> record) {
        audit.accept(record).ifPresent(event -> handle(event, record));
    }

    /** What the service does with a trusted event; a redelivered one must be a no-op. */
    protected abstract void handle(CaseEvent event, ConsumerRecord<String, String> record);

    /** Refuses an event for the service's own reason (e.g. a case it has no record of), logged and counted. */
    protected void refuse(ConsumerRecord<String, String> record, CaseEvent event, String reason, String why) {
        audit.refuse(record, event, reason, why);
    }
}
