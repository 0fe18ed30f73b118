package io.cityloop.assessment.scorecard.adapters.web;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.cityloop.assessment.scheme.model.ScoringScheme;
import io.cityloop.assessment.scorecard.application.MonthlyScorecard;
import io.cityloop.assessment.scorecard.model.Scorecard;
import io.cityloop.assessment.scorecard.model.ScorecardRow;

/**
 * A scorecard as JSON: the month and its close state, the cut-off, the scheme that scored it, the rows the caller
 * may see and the ranking everyone may see. Instants in the city's local time with offset.
 *
 * @param live true while the month is a draft computed from the facts as they arrive
 */
public record ScorecardResponse(String month, String scope, String state, boolean live, OffsetDateTime cutOff,
                                OffsetDateTime generatedAt, SchemeView scheme, List<Map<String, Object>> rows,
                                List<RankingEntry> ranking) {

    static ScorecardResponse of(MonthlyScorecard served, List<ScorecardRow> visibleRows) {
        Scorecard scorecard = served.scorecard();
        var zone = scorecard.period().month().zone();
        return new ScorecardResponse(scorecard.period().month().toString(), scorecard.scope().name(),
                served.state().name(), !served.state().frozen(),
                scorecard.period().cutOff().atZone(zone).toOffsetDateTime(),
                served.generatedAt().atZone(zone).toOffsetDateTime(), SchemeView.of(scorecard.scheme()),
                visibleRows.stream().map(Columns::render).toList(), ranking(scorecard));
    }

    private static List<RankingEntry> ranking(Scorecard scorecard) {
        return scorecard.rows().stream().filter(row -> row.score() != null)
                .sorted(Comparator.comparing((ScorecardRow row) -> row.rank() == null ? Integer.MAX_VALUE : row.rank())
                        .thenComparing(ScorecardRow::score, Comparator.reverseOrder()))
                .map(row -> new RankingEntry(row.rank(), row.entityId(), row.name(), row.score(),
                        row.grade() == null ? null : row.grade().grade(), row.volume(), row.lowVolume()))
                .toList();
    }

    /** The scheme printed on the scorecard. */
    public record SchemeView(String id, String version, String name, String reference, int minimumVolume) {
        static SchemeView of(ScoringScheme scheme) {
            return new SchemeView(scheme.id(), scheme.version(), scheme.name(), scheme.reference(),
                    scheme.minimumVolume());
        }
    }

    /** 排名: open to every reader; rows below the minimum volume are listed last without a rank. */
    public record RankingEntry(Integer rank, String id, String name, Double score, String grade, long volume,
                               boolean lowVolume) {
    }
}
