package io.cityloop.platform.messaging;

import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import io.cityloop.events.CaseEventTopics;
import io.cityloop.events.MalformedCaseEventException;
import io.cityloop.platform.PlatformProperties;
import io.cityloop.platform.persistence.DatabaseUnavailable;

/**
 * Bounded retries, then the record goes to {@code <topic>.DLT} on the same partition so a poison record never
 * blocks a case's partition. A record that cannot be read will not become readable by retrying. A record whose
 * handling failed because the service's database is away is not poison: it is retried until the database answers,
 * holding its partition meanwhile, because dead-lettering it would silently drop a case's step.
 */
public final class DeadLetters {

    private DeadLetters() {
    }

    public static DefaultErrorHandler errorHandler(KafkaTemplate<String, String> template,
                                                   PlatformProperties.Consumer consumer) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(CaseEventTopics.deadLetterTopicOf(record.topic()),
                        record.partition()));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(consumer.retryIntervalMillis(), consumer.retries()));
        FixedBackOff untilAvailable = new FixedBackOff(consumer.unavailableRetryInterval().toMillis(),
                FixedBackOff.UNLIMITED_ATTEMPTS);
        handler.setBackOffFunction((record, e) -> DatabaseUnavailable.causedBy(e) ? untilAvailable : null);
        handler.addNotRetryableExceptions(MalformedCaseEventException.class);
        return handler;
    }
}
