package io.cityloop.intake.casefile.model;

import java.time.Instant;

/**
 * One line of the case's timeline (案件流转记录), whichever axis caused it.
 *
 * @param type   the event verb, e.g. {@code filed}, {@code rework-dispatched}
 * @param source the service that caused it: {@code case-intake} or {@code dispatch}
 */
public record TimelineEntry(Instant at, String type, CaseStatus fromStatus, CaseStatus toStatus, String actor,
                            String role, String reason, String source) {
}
