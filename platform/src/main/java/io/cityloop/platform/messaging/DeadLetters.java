package io.cityloop.platform.messaging;

import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import io.cityloop.events.CaseEventTopics;
import io.cityloop.events.MalformedCaseEventException;

/**
 * Bounded retries, then the record goes to {@code <topic>.DLT} on the same partition so a poison record never
 * blocks a case's partition. A record that cannot be read will not become readable by retrying.
 */
public final class DeadLetters {

    private DeadLetters() {
    }

    public static DefaultErrorHandler errorHandler(KafkaTemplate<String, String> template, long intervalMillis,
                                                   long retries) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(CaseEventTopics.deadLetterTopicOf(record.topic()),
                        record.partition()));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(intervalMillis, retries));
        handler.addNotRetryableExceptions(MalformedCaseEventException.class);
        return handler;
    }
}
