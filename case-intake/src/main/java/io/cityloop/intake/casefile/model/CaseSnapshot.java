package io.cityloop.intake.casefile.model;

/** Everything a case remembers, for storing and restoring it, one record per concern; not a way to change it. */
public record CaseSnapshot(String id, CaseStatus status, Submission submission, Report report, Filing filing,
                           Handling handling, History history, Long version) {
}
