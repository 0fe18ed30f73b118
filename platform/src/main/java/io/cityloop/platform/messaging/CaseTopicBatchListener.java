package io.cityloop.platform.messaging;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;

import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventTopics;

/**
 * The batch shape of {@link CaseTopicListener}, for a consumer whose cost is per round trip rather than per event —
 * a projection rebuilt from offset 0 reads a year of events, and writing each on its own bounds the rebuild by the
 * store's latency. Each poll's records arrive together; every record is decoded and audited as in
 * {@link CaseTopicListener}, and the trusted events go to {@link #handleAll} in the topic's order.
 * <p>
 * A failure still concerns one record: a record that cannot be read fails at its own index, and a subclass whose
 * batch fails names the event that failed ({@link #failedAt}), so the platform's error handler ({@link DeadLetters})
 * commits what came before, retries that record with the usual back-off, dead-letters it if it keeps failing and
 * goes on with the rest.
 */
public abstract class CaseTopicBatchListener {

    private final EventAudit audit;

    protected CaseTopicBatchListener(EventAudit audit) {
        this.audit = audit;
    }

    @KafkaListener(topics = CaseEventTopics.CASE_EVENTS, batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        List<TrustedEvent> trusted = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<String, String> record = records.get(index);
            try {
                int at = index;
                audit.accept(record).ifPresent(event -> trusted.add(new TrustedEvent(event, record, at)));
            } catch (RuntimeException unreadable) {
                // the error handler counts every record before this one as done, so those are handled first
                if (!trusted.isEmpty()) {
                    handleAll(trusted);
                }
                throw new BatchListenerFailedException("record " + record.topic() + "-" + record.partition() + "@"
                        + record.offset() + " is not a readable case event", unreadable, index);
            }
        }
        if (!trusted.isEmpty()) {
            handleAll(trusted);
        }
    }

    /**
     * What the service does with a poll's trusted events, in the topic's order; a redelivered one must be a no-op.
     * On failure throw {@link #failedAt} for the event that failed: the events before it count as handled.
     */
    protected abstract void handleAll(List<TrustedEvent> events);

    /** The exception that tells the error handler which event of the batch failed. */
    protected static BatchListenerFailedException failedAt(TrustedEvent event, RuntimeException cause) {
        return new BatchListenerFailedException("event " + event.event().id() + " (" + event.event().type().wireName()
                + ", case " + event.event().subject() + ") failed", cause, event.index());
    }

    /** An event the service can trust, with its record and the record's index in the poll. */
    public record TrustedEvent(CaseEvent event, ConsumerRecord<String, String> record, int index) {
    }
}
