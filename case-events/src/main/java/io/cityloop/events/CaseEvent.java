package io.cityloop.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope (structured JSON mode) around one case lifecycle payload.
 *
 * @param id       derived from (case, producer, aggregate, sequence), so a re-publish after a crash keeps its id
 * @param source   the producing service, see {@link Producers}
 * @param subject  the case id, also the Kafka record key
 * @param time     when it happened in the business, not when it was published
 * @param sequence the producing aggregate's version at this event
 */
public record CaseEvent(
        String id,
        String source,
        CaseEventType type,
        String subject,
        Instant time,
        long sequence,
        CaseEventData data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    public CaseEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        if (type.payloadType() != data.getClass()) {
            throw new IllegalArgumentException(type.wireName() + " cannot carry " + data.getClass().getSimpleName());
        }
        if (!subject.equals(data.caseId())) {
            throw new IllegalArgumentException("subject " + subject + " differs from payload case " + data.caseId());
        }
    }

    /**
     * Creates the event an aggregate emits at a given version.
     *
     * @param aggregateId the emitting aggregate (the case itself, or a task of it)
     */
    public static CaseEvent of(String source, String aggregateId, long sequence, Instant time, CaseEventData data) {
        return new CaseEvent(deterministicId(data.caseId(), source, aggregateId, sequence), source,
                CaseEventType.of(data), data.caseId(), time, sequence, data);
    }

    public static String deterministicId(String caseId, String source, String aggregateId, long sequence) {
        String name = caseId + '|' + source + '|' + aggregateId + '|' + sequence;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public <T extends CaseEventData> T dataAs(Class<T> payloadType) {
        return payloadType.cast(data);
    }
}
