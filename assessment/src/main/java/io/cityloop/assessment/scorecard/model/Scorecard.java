package io.cityloop.assessment.scorecard.model;

import java.util.List;
import java.util.Optional;

import io.cityloop.assessment.scheme.model.Scope;
import io.cityloop.assessment.scheme.model.ScoringScheme;

/** A computed scorecard of one scope for one month at its cut-off, scored by one scheme. */
public record Scorecard(Scope scope, ScoringPeriod period, ScoringScheme scheme, List<ScorecardRow> rows) {

    public Scorecard {
        rows = List.copyOf(rows);
    }

    public Optional<ScorecardRow> row(String entityId) {
        return rows.stream().filter(row -> row.entityId().equals(entityId)).findFirst();
    }
}
