package io.cityloop.intake.casefile.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.cityloop.intake.casefile.model.AutoFilingRule;
import io.cityloop.intake.casefile.model.CaseCategory;
import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.CaseLocation;
import io.cityloop.intake.casefile.model.CaseStatus;
import io.cityloop.intake.casefile.model.DuplicateRule;
import io.cityloop.intake.casefile.model.Participant;
import io.cityloop.intake.casefile.model.Report;
import io.cityloop.intake.casefile.model.ReportOrigin;
import io.cityloop.intake.casefile.model.ReportSource;
import io.cityloop.intake.casefile.model.Submission;
import io.cityloop.intake.catalog.CatalogRegistry;
import io.cityloop.intake.grid.CellLocation;
import io.cityloop.intake.grid.UnitCellGrid;
import io.cityloop.reference.Category;
import io.cityloop.reference.CategoryCatalog;
import io.cityloop.reference.CityReference;
import io.cityloop.reference.TimeLimitSpec;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * 信息采集: turns a report into a case located on the unit grid, filed under the catalog version in force, flagged
 * when it probably duplicates an open case nearby, and filed at once when an auto-filing rule covers it. A retried
 * submission (same reporter, same Idempotency-Key, same content) returns the case it created the first time, even
 * when the two race.
 */
@Service
public class CaseReporting {

    private final CaseFileStore store;
    private final CaseNumbering numbering;
    private final CatalogRegistry catalogs;
    private final UnitCellGrid grid;
    private final NearbyCases nearby;
    private final CityReference city;
    private final IntakeSettings settings;
    private final ReportConfirmation confirmation;
    private final Clock clock;
    private final MeterRegistry meters;

    CaseReporting(CaseFileStore store, CaseNumbering numbering, CatalogRegistry catalogs, UnitCellGrid grid,
                  NearbyCases nearby, CityReference city, IntakeSettings settings, ReportConfirmation confirmation,
                  Clock clock, MeterRegistry meters) {
        this.store = store;
        this.numbering = numbering;
        this.catalogs = catalogs;
        this.grid = grid;
        this.nearby = nearby;
        this.city = city;
        this.settings = settings;
        this.confirmation = confirmation;
        this.clock = clock;
        this.meters = meters;
    }

    public ReportOutcome report(NewReport report, Participant reporter, ReportSource source) {
        var earlier = store.findReport(reporter.id(), report.idempotencyKey());
        if (earlier.isPresent()) {
            return repeated(earlier.get(), report);
        }
        CategoryCatalog catalog = catalogs.current();
        Category category = catalog.find(report.categoryCode()).orElseThrow(() -> new InvalidReportException(
                "categoryCode", "known-category", "is not a category of catalog " + catalog.version()));
        CellLocation cell = grid.locate(report.lon(), report.lat()).orElseThrow(() ->
                new InvalidReportException("location", "inside-city",
                        "(" + report.lon() + ", " + report.lat() + ") is outside every unit grid cell of the city"));
        Instant now = clock.instant();
        ReportOrigin origin = report.origin() == null ? ReportOrigin.NONE : report.origin();
        CaseFile file = CaseFile.report(numbering.next(LocalDate.ofInstant(now, clock.getZone())),
                new Report(new CaseCategory(category.code(), category.name(), catalog.version(),
                        category.urgency().name()), report.description(),
                        new CaseLocation(report.lon(), report.lat(), report.address(), cell.districtCode(),
                                cell.districtName(), cell.streetCode(), cell.streetName(), cell.communityCode(),
                                cell.communityName(), cell.cellCode(), cell.inspectorArea()),
                        source, origin),
                new Submission(reporter, now, report.idempotencyKey(), report.fingerprint()),
                city.calendar().deadline(now, TimeLimitSpec.workingHours(settings.filing().limitWorkingHours())));
        file.flagProbableDuplicates(probableMasters(report, now));
        if (file.probableDuplicates().isEmpty()) {
            autoFilingRule(category.code(), source, origin)
                    .ifPresent(rule -> file.autoFile("自动立案: " + rule.categoryCode() + " " + rule.sources()
                            + (rule.minReading() == null ? "" : " ≥ " + rule.minReading()), now));
        }
        if (file.status() == CaseStatus.REPORTED && file.probableDuplicates().isEmpty()) {
            confirmation.requestIfRuleApplies(file, now);
        }
        try {
            store.insert(file);
        } catch (DuplicateReportException race) {
            return repeated(store.findReport(reporter.id(), report.idempotencyKey()).orElseThrow(() -> race), report);
        }
        count(file);
        confirmation.countIfRequested(file);
        return new ReportOutcome(file, true);
    }

    private List<String> probableMasters(NewReport report, Instant now) {
        DuplicateRule rule = settings.duplicates().rule();
        return rule.masters(nearby.openCandidates(report.categoryCode(), report.lon(), report.lat(),
                rule.radiusMetres(), now.minus(rule.window())), report.categoryCode(), report.lon(), report.lat(), now);
    }

    private Optional<AutoFilingRule> autoFilingRule(String categoryCode, ReportSource source, ReportOrigin origin) {
        return settings.autoFilingRules().stream().filter(rule -> rule.applies(categoryCode, source, origin))
                .findFirst();
    }

    private void count(CaseFile file) {
        meters.counter("cityloop_cases_reported_total", "district", file.location().districtCode(), "category",
                file.category().code(), "source", file.source().name()).increment();
        if (!file.probableDuplicates().isEmpty()) {
            meters.counter("cityloop_cases_probable_duplicates_total", "category", file.category().code())
                    .increment();
        }
        if (!file.changes().isEmpty() && file.changes().size() > 1) {
            meters.counter("cityloop_cases_auto_filed_total", "category", file.category().code()).increment();
        }
    }

    private static ReportOutcome repeated(CaseFile earlier, NewReport report) {
        if (!earlier.requestFingerprint().equals(report.fingerprint())) {
            throw new IdempotencyKeyReusedException(report.idempotencyKey(), earlier.id());
        }
        return new ReportOutcome(earlier, false);
    }
}
