package io.cityloop.platform.messaging;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import io.cityloop.events.CaseEventTopics;
import io.cityloop.events.MalformedCaseEventException;
import io.cityloop.platform.PlatformProperties;
import io.cityloop.platform.persistence.DatabaseUnavailable;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Bounded retries, then the record goes to {@code <topic>.DLT} on the same partition so a poison record never
 * blocks a case's partition. A record that cannot be read will not become readable by retrying. A record whose
 * handling failed because the service's database is away is not poison: it is retried until the database answers,
 * holding its partition meanwhile, because dead-lettering it would silently drop a case's step.
 *
 * <p>Every dead-lettered record is logged (WARN, naming topic, partition, offset, key and the failure) and counted
 * in {@value #METRIC}{@code {service,reason}}: {@code malformed} for a record that is not a readable event,
 * {@code failed} for one whose handling kept failing.
 */
public final class DeadLetters {

    public static final String METRIC = "cityloop_dead_letters_total";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {
    }

    public static DefaultErrorHandler errorHandler(KafkaTemplate<String, String> template,
                                                   PlatformProperties.Consumer consumer) {
        return errorHandler(template, consumer, new SimpleMeterRegistry(), "unknown");
    }

    public static DefaultErrorHandler errorHandler(KafkaTemplate<String, String> template,
                                                   PlatformProperties.Consumer consumer, MeterRegistry meters,
                                                   String service) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(CaseEventTopics.deadLetterTopicOf(record.topic()),
                        record.partition()));
        org.springframework.kafka.listener.ConsumerRecordRecoverer recoverer = (record, e) -> {
            String reason = reasonOf(e);
            log.warn("dead-lettered record {}-{}@{} (key {}) after it failed [{}]: {}", record.topic(),
                    record.partition(), record.offset(), record.key(), reason, rootMessage(e));
            meters.counter(METRIC, "service", service, "reason", reason).increment();
            publisher.accept(record, e);
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(consumer.retryIntervalMillis(), consumer.retries()));
        FixedBackOff untilAvailable = new FixedBackOff(consumer.unavailableRetryInterval().toMillis(),
                FixedBackOff.UNLIMITED_ATTEMPTS);
        handler.setBackOffFunction((record, e) -> DatabaseUnavailable.causedBy(e) ? untilAvailable : null);
        handler.addNotRetryableExceptions(MalformedCaseEventException.class);
        return handler;
    }

    static String reasonOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MalformedCaseEventException) {
                return "malformed";
            }
        }
        return "failed";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
