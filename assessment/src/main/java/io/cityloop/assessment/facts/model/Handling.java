package io.cityloop.assessment.facts.model;

import java.time.Instant;

/** One 处理反馈 of a task and whether the command center judged it on time. */
public record Handling(Instant at, boolean onTime) {
}
