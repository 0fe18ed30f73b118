package io.cityloop.platform.messaging;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventCodec;
import io.cityloop.events.CaseEventType;
import io.cityloop.events.Producers;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What a consumer does with a record before its own handling: decodes it, and refuses loudly — a WARN naming the
 * record and a count in {@value #METRIC}{@code {service,reason}} — what it cannot trust or does not know:
 * <ul>
 * <li>{@code unknown-type}: a type this version does not know (skipped, as the contract says, but no longer
 * silently);</li>
 * <li>{@code untrusted-source}: an event whose {@code source} is not the service that owns its type (case-intake
 * owns the case's steps, dispatch the task's), e.g. a {@code filed} written by some other Kafka client;</li>
 * <li>{@code unknown-case} and others a service names itself through {@link #refuse}.</li>
 * </ul>
 * Only authenticated producers and per-topic ACLs keep a forger out for good; this is the consumer's half.
 */
public class EventAudit {

    public static final String METRIC = "cityloop_events_refused_total";

    private static final Logger log = LoggerFactory.getLogger(EventAudit.class);

    private static final Set<CaseEventType> CASE_INTAKE_TYPES = EnumSet.of(CaseEventType.REPORTED,
            CaseEventType.FILED, CaseEventType.REJECTED, CaseEventType.MERGED, CaseEventType.UNMERGED,
            CaseEventType.INFORMATION_REQUESTED, CaseEventType.CANCELLED, CaseEventType.VERIFICATION_REQUESTED,
            CaseEventType.VERIFIED, CaseEventType.REWORK_REQUIRED, CaseEventType.CLOSED,
            CaseEventType.CONFIRMATION_REQUESTED, CaseEventType.CONFIRMED);

    private final CaseEventCodec codec;
    private final MeterRegistry meters;
    private final String service;

    public EventAudit(CaseEventCodec codec, MeterRegistry meters, String service) {
        this.codec = codec;
        this.meters = meters;
        this.service = service;
    }

    /** The service that may publish events of this type. */
    public static String ownerOf(CaseEventType type) {
        return CASE_INTAKE_TYPES.contains(type) ? Producers.CASE_INTAKE : Producers.DISPATCH;
    }

    /**
     * The event in the record when it is one this service can trust; empty, logged and counted otherwise. A record
     * that is not a CloudEvent at all still throws, and goes to the dead-letter topic.
     */
    public Optional<CaseEvent> accept(ConsumerRecord<String, String> record) {
        Optional<CaseEvent> decoded = codec.decode(record.value());
        if (decoded.isEmpty()) {
            count("unknown-type");
            log.warn("skipped a record of an unknown event type at {}-{}@{} (key {})", record.topic(),
                    record.partition(), record.offset(), record.key());
            return Optional.empty();
        }
        CaseEvent event = decoded.get();
        String owner = ownerOf(event.type());
        if (!owner.equals(event.source())) {
            refuse(record, event, "untrusted-source", "its source is " + event.source() + ", not the owner "
                    + owner);
            return Optional.empty();
        }
        return decoded;
    }

    /** Refuses an event the service cannot trust for its own reason (e.g. a case it has no record of). */
    public void refuse(ConsumerRecord<String, String> record, CaseEvent event, String reason, String why) {
        count(reason);
        log.warn("refused event {} ({}, case {}) at {}-{}@{}: {} [{}]", event.id(), event.type().wireName(),
                event.subject(), record.topic(), record.partition(), record.offset(), why, reason);
    }

    private void count(String reason) {
        meters.counter(METRIC, "service", service, "reason", reason).increment();
    }
}
