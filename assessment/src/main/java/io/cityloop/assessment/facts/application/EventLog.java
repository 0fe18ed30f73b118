package io.cityloop.assessment.facts.application;

import java.util.function.Consumer;

import io.cityloop.events.CaseEvent;

/** The case-event topic read from its beginning: the source every fact can be rebuilt from. */
public interface EventLog {

    /** Feeds every readable event from offset 0 to the current end, partition by partition; returns how many. */
    long replayFromStart(Consumer<CaseEvent> sink);
}
