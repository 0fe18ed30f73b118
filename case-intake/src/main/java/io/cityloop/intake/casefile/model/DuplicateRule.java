package io.cityloop.intake.casefile.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * 重复案件: a new report of the same minor category within {@code radiusMetres} of an open case reported in the
 * last {@code window} is a probable duplicate of it. The operator decides; the rule only flags.
 */
public record DuplicateRule(double radiusMetres, Duration window) {

    public DuplicateRule {
        if (radiusMetres <= 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a duplicate rule needs a positive radius and window");
        }
    }

    public boolean isProbableDuplicate(CaseFile earlier, String categoryCode, double lon, double lat, Instant now) {
        return earlier.status().isOpen()
                && earlier.category().code().equals(categoryCode)
                && !earlier.reportedAt().isBefore(now.minus(window))
                && !earlier.reportedAt().isAfter(now)
                && GeoDistance.metres(earlier.location().lon(), earlier.location().lat(), lon, lat) <= radiusMetres;
    }

    /** The probable masters among the candidates, nearest first, then oldest. */
    public List<String> masters(List<CaseFile> candidates, String categoryCode, double lon, double lat, Instant now) {
        return candidates.stream()
                .filter(c -> isProbableDuplicate(c, categoryCode, lon, lat, now))
                .sorted(Comparator.comparingDouble((CaseFile c) -> GeoDistance.metres(c.location().lon(),
                        c.location().lat(), lon, lat)).thenComparing(CaseFile::reportedAt))
                .map(CaseFile::id)
                .toList();
    }
}
