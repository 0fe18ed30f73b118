package io.cityloop.assessment.scorecard.model;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * 考核月: a calendar month in the city's time zone (Asia/Shanghai), as the half-open interval
 * [first day 00:00, first day of the next month 00:00).
 */
public record AssessmentMonth(YearMonth month, ZoneId zone) {

    public AssessmentMonth {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(zone, "zone");
    }

    public Instant start() {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    public boolean includes(Instant instant) {
        return instant != null && !instant.isBefore(start()) && instant.isBefore(end());
    }

    /**
     * 截止时点: the scorecard shows the month as of this instant — the end of the month once it is over, otherwise
     * now (so a running month shows its state so far).
     */
    public Instant cutOff(Instant now) {
        Instant end = end();
        return now.isBefore(end) ? now : end;
    }

    @Override
    public String toString() {
        return month.toString();
    }
}
