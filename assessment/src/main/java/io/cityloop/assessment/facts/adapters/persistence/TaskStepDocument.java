package io.cityloop.assessment.facts.adapters.persistence;

import java.time.Instant;

/** One dated step of a task as stored; {@code kind} is the {@code StepKind} name. */
public record TaskStepDocument(Instant at, String kind, String actor, Instant deadline, boolean flag, int level) {
}
