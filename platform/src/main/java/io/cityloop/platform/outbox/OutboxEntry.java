package io.cityloop.platform.outbox;

import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventCodec;

/**
 * A case event waiting in its aggregate's own document to be published. Keeping it there makes publishing atomic
 * with the state change without a multi-document transaction (DESIGN §3).
 *
 * @param payload the encoded CloudEvent, exactly the bytes that go on the wire
 */
public record OutboxEntry(String eventId, String key, String type, String payload) {

    public static OutboxEntry of(CaseEvent event, CaseEventCodec codec) {
        return new OutboxEntry(event.id(), event.subject(), event.type().wireName(), codec.encode(event));
    }
}
