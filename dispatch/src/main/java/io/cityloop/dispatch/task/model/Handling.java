package io.cityloop.dispatch.task.model;

import java.time.Instant;

/**
 * 处置: the unit's side of the task — when it signed and fed back, what it reported and whether in time, how often
 * it was sent back to rework and how many extensions it was granted. Feedback sent before a rework stays until the
 * next one replaces it.
 *
 * @param handledOnTime {@code null} until the unit fed back
 */
public record Handling(Instant acceptedAt, Instant handledAt, Boolean handledOnTime, String note, String photoRef,
                       int reworkCount, int extensionCount) {

    static final Handling NONE = new Handling(null, null, null, null, null, 0, 0);

    Handling signedAt(Instant at) {
        return new Handling(at, handledAt, handledOnTime, note, photoRef, reworkCount, extensionCount);
    }

    Handling handled(Instant at, boolean onTime, String newNote, String newPhotoRef) {
        return new Handling(acceptedAt, at, onTime, newNote, newPhotoRef, reworkCount, extensionCount);
    }

    Handling reopened() {
        return new Handling(acceptedAt, null, null, note, photoRef, reworkCount + 1, extensionCount);
    }

    Handling extended() {
        return new Handling(acceptedAt, handledAt, handledOnTime, note, photoRef, reworkCount, extensionCount + 1);
    }
}
