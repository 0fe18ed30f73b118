package io.cityloop.assessment.scorecard.adapters.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

import io.cityloop.assessment.scorecard.application.MonthlyScorecard;

/** A scorecard as JSON; instants in the city's local time with offset. */
public record ScorecardResponse<R>(String month, OffsetDateTime cutOff, OffsetDateTime generatedAt, List<R> rows) {

    static <S, R> ScorecardResponse<R> of(MonthlyScorecard<S> scorecard, List<S> visibleRows, Function<S, R> toRow) {
        var zone = scorecard.month().zone();
        return new ScorecardResponse<>(scorecard.month().toString(),
                scorecard.cutOff().atZone(zone).toOffsetDateTime(),
                scorecard.generatedAt().atZone(zone).toOffsetDateTime(),
                visibleRows.stream().map(toRow).toList());
    }
}
