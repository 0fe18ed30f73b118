package io.cityloop.assessment.month.model;

import java.time.Instant;

/** 审计记录: one step of a month's close or of an appeal — when, what, from/to, who in which role, why. */
public record AuditEntry(Instant at, String action, String fromState, String toState, String actor, String role,
                         String reason) {
}
