package io.cityloop.intake.casefile.adapters.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.cityloop.intake.casefile.application.CaseFileStore;
import io.cityloop.intake.casefile.application.CaseQuery;
import io.cityloop.intake.casefile.application.CaseReporting;
import io.cityloop.intake.casefile.application.FilingReview;
import io.cityloop.intake.casefile.application.NearbyCases;
import io.cityloop.intake.casefile.application.NewReport;
import io.cityloop.intake.casefile.application.OnSiteVerification;
import io.cityloop.intake.casefile.application.ReportConfirmation;
import io.cityloop.intake.casefile.application.ReportOutcome;
import io.cityloop.intake.casefile.model.CaseStatus;
import io.cityloop.intake.casefile.model.Participant;
import io.cityloop.intake.casefile.model.ReportOrigin;
import io.cityloop.intake.casefile.model.ReportSource;
import io.cityloop.intake.casefile.model.VerificationResult;
import io.cityloop.platform.problem.Problems;
import io.cityloop.reference.CityReference;
import io.cityloop.platform.security.CurrentUser;

/**
 * The case file's API. A retried report (same Idempotency-Key, same content) answers 200 with the case the first
 * submission created (201); the same key with other content is a 409.
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    private static final int MAX_LIST = 200;
    private static final Set<String> SORTS = Set.of("reportedAt", "priority", "stageDueBy");
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant AFTER_LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    private final CaseReporting reporting;
    private final FilingReview filing;
    private final OnSiteVerification verification;
    private final ReportConfirmation confirmation;
    private final CaseFileStore cases;
    private final NearbyCases nearby;
    private final CaseViews views;
    private final CaseAccess access;
    private final Clock clock;
    private final CityReference city;

    CaseController(CaseReporting reporting, FilingReview filing, OnSiteVerification verification,
                   ReportConfirmation confirmation, CaseFileStore cases, NearbyCases nearby, CaseViews views,
                   CaseAccess access, Clock clock, CityReference city) {
        this.city = city;
        this.reporting = reporting;
        this.filing = filing;
        this.verification = verification;
        this.confirmation = confirmation;
        this.cases = cases;
        this.nearby = nearby;
        this.views = views;
        this.access = access;
        this.clock = clock;
    }

    /**
     * 信息采集 by an inspector (source INSPECTOR) or an operator (HOTLINE for a caller, or SENSOR / VIDEO_AI for
     * relayed alarms).
     */
    @PostMapping
    @PreAuthorize("hasAnyRole('INSPECTOR','OPERATOR')")
    ResponseEntity<CaseView> report(@RequestHeader("Idempotency-Key") String key,
                                    @Valid @RequestBody ReportRequest request, CurrentUser user) {
        IdempotencyKeys.require(key);
        boolean inspector = user.hasRole("inspector");
        ReportSource source = source(request.source(), inspector);
        Participant reporter = new Participant(user.username(), inspector ? "inspector" : "operator");
        ReportOrigin origin = new ReportOrigin(request.deviceId(), request.reading(),
                request.caller() == null ? null : request.caller().name(),
                request.caller() == null ? null : request.caller().phone());
        ReportOutcome outcome = reporting.report(new NewReport(request.categoryCode(), request.description(),
                request.location().lon(), request.location().lat(), request.address(), key,
                ReportOrigin.NONE.equals(origin) ? ReportOrigin.NONE : origin), reporter, source);
        CaseView view = views.toView(outcome.caseFile());
        return outcome.created()
                ? ResponseEntity.created(URI.create("/api/cases/" + view.id())).body(view)
                : ResponseEntity.ok(view);
    }

    private static ReportSource source(ReportSource requested, boolean inspector) {
        if (inspector) {
            if (requested != null && requested != ReportSource.INSPECTOR) {
                throw Problems.validation("source", "allowed-source", "an inspector reports as INSPECTOR");
            }
            return ReportSource.INSPECTOR;
        }
        if (requested == null) {
            return ReportSource.HOTLINE;
        }
        if (!EnumSet.of(ReportSource.HOTLINE, ReportSource.SENSOR, ReportSource.VIDEO_AI).contains(requested)) {
            throw Problems.validation("source", "allowed-source",
                    "an operator reports as HOTLINE, SENSOR or VIDEO_AI; citizens use /api/public/reports");
        }
        return requested;
    }

    @GetMapping("/{id}")
    CaseView read(@PathVariable String id, CurrentUser user) {
        return views.toView(access.readable(id, user));
    }

    @GetMapping("/{id}/timeline")
    List<CaseView.Step> timeline(@PathVariable String id, CurrentUser user) {
        return views.steps(access.readable(id, user).timeline());
    }

    /**
     * The case list with filters, paging and sorting; still a JSON array, the total is in {@code X-Total-Count}.
     * {@code limit} is the old name of {@code size}.
     */
    @GetMapping
    @PreAuthorize("hasAnyRole('OPERATOR','SHIFT_LEAD','DISPATCHER','SUPERVISOR','ADMIN')")
    ResponseEntity<List<CaseView>> list(@RequestParam(required = false) Set<CaseStatus> status,
                                        @RequestParam(required = false) String district,
                                        @RequestParam(required = false) String street,
                                        @RequestParam(required = false) String category,
                                        @RequestParam(required = false) ReportSource source,
                                        @RequestParam(required = false) Instant from,
                                        @RequestParam(required = false) Instant to,
                                        @RequestParam(required = false) Boolean overdue,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(required = false) Integer size,
                                        @RequestParam(required = false) Integer limit,
                                        @RequestParam(defaultValue = "reportedAt") String sort,
                                        @RequestParam(defaultValue = "desc") String order) {
        int pageSize = size != null ? size : limit != null ? limit : 50;
        check(pageSize >= 1 && pageSize <= MAX_LIST, "size", "range", "must be between 1 and " + MAX_LIST);
        check(page >= 0 && page <= 10_000, "page", "range", "must be between 0 and 10000");
        check(district == null || district.matches("\\d{6}"), "district", "pattern", "a 6-digit district code");
        check(street == null || street.matches("\\d{9}"), "street", "pattern", "a 9-digit street code");
        check(category == null || category.matches("\\d{2}-\\d{2}-\\d{2}"), "category", "pattern",
                "a category code such as 02-01-01");
        check(SORTS.contains(sort), "sort", "allowed-value", "one of " + SORTS);
        check(order.equals("asc") || order.equals("desc"), "order", "allowed-value", "asc or desc");
        check(from == null || withinDates(from), "from", "range", "must be an instant of the years 0000 to 9999");
        check(to == null || withinDates(to), "to", "range", "must be an instant of the years 0000 to 9999");
        check(from == null || to == null || from.isBefore(to), "from", "before-to", "must be before to");
        CaseQuery query = new CaseQuery(status, district, street, category, source, from, to, overdue,
                clock.instant(), page, pageSize, sort, order.equals("asc"));
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(cases.count(query)))
                .body(cases.search(query).stream().map(views::toView).toList());
    }

    /**
     * 我的上报: the caller's own reports (an inspector's, or the cases an operator reported for a caller or a
     * device), newest first, as JSON array with the total in {@code X-Total-Count}. Only {@code reportedBy} equal to
     * the token's user name counts, so nobody sees another reporter's cases here.
     */
    @GetMapping("/mine")
    @PreAuthorize("hasAnyRole('INSPECTOR','OPERATOR')")
    ResponseEntity<List<CaseView>> mine(@RequestParam(defaultValue = "0") int page,
                                        @RequestParam(required = false) Integer size,
                                        @RequestParam(required = false) Integer limit, CurrentUser user) {
        int pageSize = size != null ? size : limit != null ? limit : 50;
        check(pageSize >= 1 && pageSize <= MAX_LIST, "size", "range", "must be between 1 and " + MAX_LIST);
        check(page >= 0 && page <= 10_000, "page", "range", "must be between 0 and 10000");
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(cases.countReportedBy(user.username())))
                .body(cases.reportedBy(user.username(), page, pageSize).stream().map(views::toView).toList());
    }

    /** 受理队列: reports waiting for the filing decision, most urgent first, then oldest. */
    @GetMapping("/filing-queue")
    @PreAuthorize("hasAnyRole('OPERATOR','SHIFT_LEAD')")
    List<CaseView> filingQueue(@RequestParam(defaultValue = "50") int limit) {
        check(limit >= 1 && limit <= MAX_LIST, "limit", "range", "must be between 1 and " + MAX_LIST);
        return filing.queue(limit).stream().map(views::toView).toList();
    }

    /** Cases within {@code radius} metres (default 200, at most 2000), nearest first. */
    @GetMapping("/near")
    @PreAuthorize("hasAnyRole('INSPECTOR','OPERATOR','SHIFT_LEAD','DISPATCHER','SUPERVISOR','ADMIN')")
    List<NearbyCase> near(@RequestParam double lon, @RequestParam double lat,
                          @RequestParam(defaultValue = "200") double radius,
                          @RequestParam(defaultValue = "50") int limit) {
        check(lon >= -180 && lon <= 180, "lon", "range", "must be between -180 and 180");
        check(lat >= -90 && lat <= 90, "lat", "range", "must be between -90 and 90");
        check(radius > 0 && radius <= 2000, "radius", "range", "must be more than 0 and at most 2000 metres");
        check(limit >= 1 && limit <= MAX_LIST, "limit", "range", "must be between 1 and " + MAX_LIST);
        return nearby.within(lon, lat, radius, limit).stream()
                .map(n -> new NearbyCase(Math.round(n.distanceMetres() * 10) / 10.0, views.toView(n.caseFile())))
                .toList();
    }

    @PostMapping("/{id}/filing")
    @PreAuthorize("hasAnyRole('OPERATOR','SHIFT_LEAD')")
    CaseView decideFiling(@PathVariable String id, @Valid @RequestBody FilingRequest request, CurrentUser user) {
        Participant operator = new Participant(user.username(), user.actingRole("shift-lead", "operator"));
        return views.toView(switch (request.decision()) {
            case REJECT -> {
                if (request.reasonCode() == null) {
                    throw Problems.validation("reasonCode", "required",
                            "a rejection (不予立案) needs a reason code: NOT_IN_SCOPE, CRITERION_NOT_MET, "
                                    + "LOCATION_INVALID, INFORMATION_INSUFFICIENT or DUPLICATE");
                }
                yield filing.reject(id, operator, request.reasonCode(), request.note());
            }
            case MERGE -> {
                if (request.masterCaseId() == null) {
                    throw Problems.validation("masterCaseId", "required", "a merge (合并) names the master case");
                }
                yield filing.merge(id, request.masterCaseId(), operator, request.note());
            }
            case REQUEST_INFO -> filing.requestInformation(id, operator, request.note());
            case CONFIRM -> confirmation.request(id, operator);
            case FILE -> filing.file(id, operator, request.note(), knownUnit(request.componentOwner()));
        });
    }

    /** A component's owner must be one of the city's departments; the case decides whether it may have one. */
    private String knownUnit(String owner) {
        if (owner != null && city.unit(owner).isEmpty()) {
            throw Problems.validation("componentOwner", "known-unit", "is not a department of the city: " + owner);
        }
        return owner;
    }

    /** 撤销合并: a shift lead undoes a merge; the report waits for filing again. */
    @PostMapping("/{id}/unmerge")
    @PreAuthorize("hasRole('SHIFT_LEAD')")
    CaseView unmerge(@PathVariable String id, @Valid @RequestBody ReasonRequest request, CurrentUser user) {
        return views.toView(filing.unmerge(id, shiftLead(user), request.reason()));
    }

    /** 作废: a shift lead cancels a case that was not dispatched yet. */
    @PostMapping("/{id}/cancellation")
    @PreAuthorize("hasRole('SHIFT_LEAD')")
    CaseView cancel(@PathVariable String id, @Valid @RequestBody ReasonRequest request, CurrentUser user) {
        return views.toView(filing.cancel(id, shiftLead(user), request.reason()));
    }

    /** 补充信息: the reporter (or an operator on the phone) answers the operator's question. */
    @PostMapping("/{id}/information")
    @PreAuthorize("hasAnyRole('INSPECTOR','OPERATOR','SHIFT_LEAD')")
    CaseView supply(@PathVariable String id, @Valid @RequestBody ReasonRequest request, CurrentUser user) {
        Participant by = new Participant(user.username(), user.actingRole("inspector", "operator", "shift-lead"));
        return views.toView(filing.supplyInformation(id, by, request.reason()));
    }

    @PostMapping("/{id}/verification")
    @PreAuthorize("hasAnyRole('INSPECTOR','SHIFT_LEAD')")
    CaseView verify(@PathVariable String id, @Valid @RequestBody VerificationRequest request, CurrentUser user) {
        Participant inspector = new Participant(user.username(), user.actingRole("inspector", "shift-lead"));
        List<String> photos = request.photoIds() == null ? List.of() : request.photoIds();
        if (request.result() == VerificationResult.FAIL) {
            if (request.note() == null || request.note().isBlank()) {
                throw Problems.validation("note", "required", "a failed check must say what is still wrong");
            }
            return views.toView(verification.fail(id, inspector, request.note(), photos));
        }
        return views.toView(verification.pass(id, inspector, request.note(), photos));
    }

    private static Participant shiftLead(CurrentUser user) {
        return new Participant(user.username(), "shift-lead");
    }

    /**
     * ISO instants may carry years such as {@code +999999999}, which MongoDB's dates cannot hold; the filter would
     * fail in the database instead of being refused here.
     */
    private static boolean withinDates(Instant at) {
        return !at.isBefore(EARLIEST) && at.isBefore(AFTER_LATEST);
    }

    private static void check(boolean valid, String field, String rule, String message) {
        if (!valid) {
            throw Problems.validation(field, rule, message);
        }
    }

    record NearbyCase(double distanceMetres, CaseView caseFile) {
    }

}
