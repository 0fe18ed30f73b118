package io.cityloop.assessment.facts.application;

import java.util.List;
import java.util.function.Consumer;

import io.cityloop.events.CaseEvent;

/** The case-event topic read from its beginning: the source every fact can be rebuilt from. */
public interface EventLog {

    /** Feeds every readable event from offset 0 to the current end, a poll at a time (each partition in its order); returns how many. */
    long replayFromStart(Consumer<List<CaseEvent>> sink);
}
