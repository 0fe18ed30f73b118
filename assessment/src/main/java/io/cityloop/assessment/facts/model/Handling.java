package io.cityloop.assessment.facts.model;

import java.time.Instant;

/**
 * One 处理反馈 of a task: when the unit reported it handled and whether that was by the deadline then in force
 * (the command center decides {@code onTime}, because only it knows extensions and suspensions).
 */
public record Handling(Instant at, boolean onTime) {
}
