package io.cityloop.assessment.facts.adapters.persistence;

import java.time.Instant;

/** A handling report as stored inside a task. */
public class HandlingDocument {

    private Instant at;
    private boolean onTime;

    public Instant getAt() {
        return at;
    }

    public void setAt(Instant at) {
        this.at = at;
    }

    public boolean isOnTime() {
        return onTime;
    }

    public void setOnTime(boolean onTime) {
        this.onTime = onTime;
    }
}
