package io.cityloop.assessment.facts.adapters.persistence;

import java.time.Instant;

/** A case's 核实 (confirmation before filing) as stored; absent on cases never sent to be confirmed. */
public record ConfirmationDocument(String assignee, Instant requestedAt, String requestedBy, Instant dueBy,
                                   Boolean dispatchedOnTime, Instant answeredAt, String answeredBy, String result,
                                   Boolean answeredOnTime) {
}
