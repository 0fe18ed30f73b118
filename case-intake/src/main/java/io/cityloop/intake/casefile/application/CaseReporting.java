package io.cityloop.intake.casefile.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Service;

import io.cityloop.intake.casefile.model.CaseCategory;
import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.CaseLocation;
import io.cityloop.intake.casefile.model.Participant;
import io.cityloop.intake.casefile.model.ReportSource;
import io.cityloop.reference.Category;
import io.cityloop.reference.CityReference;
import io.cityloop.reference.GridLocation;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * 信息采集: turns a report into a case located on the unit grid. A retried submission (same reporter, same
 * Idempotency-Key, same content) returns the case it created the first time, even when the two race.
 */
@Service
public class CaseReporting {

    private final CaseFileStore store;
    private final CaseNumbering numbering;
    private final CityReference city;
    private final Clock clock;
    private final MeterRegistry meters;

    CaseReporting(CaseFileStore store, CaseNumbering numbering, CityReference city, Clock clock,
                  MeterRegistry meters) {
        this.store = store;
        this.numbering = numbering;
        this.city = city;
        this.clock = clock;
        this.meters = meters;
    }

    public ReportOutcome report(NewReport report, Participant reporter, ReportSource source) {
        var earlier = store.findReport(reporter.id(), report.idempotencyKey());
        if (earlier.isPresent()) {
            return repeated(earlier.get(), report);
        }
        Category category = city.catalog().find(report.categoryCode()).orElseThrow(() -> new InvalidReportException(
                "categoryCode", "known-category", "is not a category of catalog " + city.catalog().version()));
        GridLocation cell = city.grid().locate(report.lon(), report.lat()).orElseThrow(() ->
                new InvalidReportException("location", "inside-city",
                        "(" + report.lon() + ", " + report.lat() + ") is outside every unit grid cell of the city"));
        Instant now = clock.instant();
        CaseFile file = CaseFile.report(numbering.next(LocalDate.ofInstant(now, clock.getZone())),
                new CaseCategory(category.code(), category.name(), city.catalog().version()),
                report.description(),
                new CaseLocation(report.lon(), report.lat(), report.address(), cell.districtCode(),
                        cell.districtName(), cell.streetCode(), cell.streetName(), cell.communityCode(),
                        cell.cellCode()),
                source, reporter, report.idempotencyKey(), report.fingerprint(), now);
        try {
            store.insert(file);
        } catch (DuplicateReportException race) {
            return repeated(store.findReport(reporter.id(), report.idempotencyKey()).orElseThrow(() -> race), report);
        }
        meters.counter("cityloop_cases_reported_total", "district", cell.districtCode(), "category",
                category.code(), "source", source.name()).increment();
        return new ReportOutcome(file, true);
    }

    private static ReportOutcome repeated(CaseFile earlier, NewReport report) {
        if (!earlier.requestFingerprint().equals(report.fingerprint())) {
            throw new IdempotencyKeyReusedException(report.idempotencyKey(), earlier.id());
        }
        return new ReportOutcome(earlier, false);
    }
}
