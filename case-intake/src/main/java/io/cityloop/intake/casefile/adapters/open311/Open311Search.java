package io.cityloop.intake.casefile.adapters.open311;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.cityloop.intake.casefile.application.CaseQuery;
import io.cityloop.intake.casefile.model.CaseStatus;
import io.cityloop.intake.casefile.model.ReportSource;

/**
 * The filters of Open311's "GET Service Requests", read as the specification states them: a list of
 * {@code service_request_id} overrides every other filter; otherwise one {@code service_code}, {@code status}
 * {@code open} and/or {@code closed}, and a window on the request time of at most 90 days, the last 90 days by
 * default. At most 1000 requests, newest first.
 */
record Open311Search(List<String> ids, CaseQuery query) {

    static final int MAX_RESULTS = 1000;
    static final int MAX_IDS = 50;
    static final Duration MAX_WINDOW = Duration.ofDays(90);
    private static final Pattern FOUR_DIGIT_YEAR = Pattern.compile("\\d{4}-");

    static Open311Search of(String serviceRequestIds, String serviceCode, String status, String startDate,
                            String endDate, Instant now, ZoneId zone) {
        if (serviceRequestIds != null && !serviceRequestIds.isBlank()) {
            return new Open311Search(ids(serviceRequestIds), null);
        }
        if (serviceCode != null && !serviceCode.matches("\\d{2}-\\d{2}-\\d{2}")) {
            throw Open311Exception.badRequest("service_code", "must be a service code such as 02-01-01");
        }
        Instant start = instant("start_date", startDate, zone);
        Instant end = instant("end_date", endDate, zone);
        if (end == null) {
            end = start == null ? now : start.plus(MAX_WINDOW);
        }
        if (start == null) {
            start = end.minus(MAX_WINDOW);
        }
        if (!start.isBefore(end)) {
            throw Open311Exception.badRequest("start_date", "must be before end_date");
        }
        if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw Open311Exception.badRequest("end_date", "the window may span at most 90 days");
        }
        // end_date is inclusive in Open311; the case query's upper bound is exclusive.
        return new Open311Search(List.of(), new CaseQuery(statuses(status), null, null, serviceCode,
                ReportSource.PUBLIC, start, end.plusMillis(1), null, now, 0, MAX_RESULTS, "reportedAt", false));
    }

    boolean byIds() {
        return query == null;
    }

    private static List<String> ids(String list) {
        List<String> ids = Arrays.stream(list.split(",")).map(String::strip).filter(id -> !id.isEmpty())
                .distinct().toList();
        if (ids.size() > MAX_IDS) {
            throw Open311Exception.badRequest("service_request_id", "at most " + MAX_IDS + " ids at once");
        }
        if (ids.stream().anyMatch(id -> !id.matches("[A-Za-z0-9-]{1,40}"))) {
            throw Open311Exception.badRequest("service_request_id", "must be service request ids, comma-delimited");
        }
        return ids;
    }

    private static Set<CaseStatus> statuses(String status) {
        if (status == null || status.isBlank()) {
            return Set.of();
        }
        Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
        for (String one : status.split(",")) {
            String wanted = one.strip();
            if (!wanted.equals(Open311ServiceRequest.OPEN) && !wanted.equals(Open311ServiceRequest.CLOSED)) {
                throw Open311Exception.badRequest("status", "must be open or closed, comma-delimited");
            }
            Arrays.stream(CaseStatus.values())
                    .filter(s -> Open311ServiceRequest.statusOf(s).equals(wanted))
                    .forEach(statuses::add);
        }
        return statuses;
    }

    /**
     * A W3C date-time ({@code 2026-11-23T08:00:00+08:00}) or a date, which starts at midnight in the city. W3C
     * years have four digits; Java would also read {@code +999999999-12-31}, which no database date can hold.
     */
    private static Instant instant(String field, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        // An unencoded "+08:00" in a query string arrives as " 08:00".
        String text = value.strip().replace(' ', '+');
        if (!FOUR_DIGIT_YEAR.matcher(text).lookingAt()) {
            throw Open311Exception.badRequest(field, "must be a W3C date-time such as 2026-11-23T08:00:00+08:00");
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                return LocalDate.parse(text).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException notADate) {
                throw Open311Exception.badRequest(field, "must be a W3C date-time such as 2026-11-23T08:00:00+08:00");
            }
        }
    }
}
