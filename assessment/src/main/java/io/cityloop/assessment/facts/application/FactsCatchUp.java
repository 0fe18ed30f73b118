package io.cityloop.assessment.facts.application;

import java.time.Duration;

/**
 * Whether the facts have applied every case event published so far (追平事件流). A month frozen while they are still
 * reading — after a restart that left a backlog, or a rebuild from offset 0 — would be frozen without the cases
 * not yet read.
 */
public interface FactsCatchUp {

    /** Waits up to {@code wait} for the facts to apply every event published before the call. */
    boolean caughtUpWithin(Duration wait);
}
