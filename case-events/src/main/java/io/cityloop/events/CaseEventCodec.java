package io.cityloop.events;

import java.time.Instant;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes case events as CloudEvents structured JSON. Types this reader does not know are skipped
 * (empty result) so that a new event type never breaks an older consumer; malformed records throw.
 */
public final class CaseEventCodec {

    private final JsonMapper mapper;

    public CaseEventCodec() {
        this.mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public String encode(CaseEvent event) {
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("specversion", CaseEvent.SPEC_VERSION);
        envelope.put("id", event.id());
        envelope.put("source", event.source());
        envelope.put("type", event.type().wireName());
        envelope.put("subject", event.subject());
        envelope.put("time", event.time().toString());
        envelope.put("sequence", event.sequence());
        envelope.put("datacontenttype", "application/json");
        envelope.set("data", mapper.valueToTree(event.data()));
        return mapper.writeValueAsString(envelope);
    }

    public Optional<CaseEvent> decode(String json) {
        JsonNode envelope;
        try {
            envelope = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new MalformedCaseEventException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (!CaseEvent.SPEC_VERSION.equals(text(envelope, "specversion"))) {
            throw new MalformedCaseEventException("specversion must be " + CaseEvent.SPEC_VERSION, null);
        }
        Optional<CaseEventType> type = CaseEventType.fromWireName(text(envelope, "type"));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        try {
            CaseEventData data = mapper.treeToValue(envelope.required("data"), type.get().payloadType());
            return Optional.of(new CaseEvent(
                    text(envelope, "id"),
                    text(envelope, "source"),
                    type.get(),
                    text(envelope, "subject"),
                    Instant.parse(text(envelope, "time")),
                    envelope.path("sequence").asLong(0),
                    data));
        } catch (RuntimeException e) {
            throw new MalformedCaseEventException("invalid " + type.get().wireName() + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedCaseEventException("missing " + field, null);
        }
        return value.asString();
    }
}
