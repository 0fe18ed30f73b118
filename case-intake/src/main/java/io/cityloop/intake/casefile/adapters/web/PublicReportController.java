package io.cityloop.intake.casefile.adapters.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.cityloop.intake.casefile.application.CaseFileStore;
import io.cityloop.intake.casefile.application.CaseReporting;
import io.cityloop.intake.casefile.application.NewReport;
import io.cityloop.intake.casefile.application.PublicReportThrottle;
import io.cityloop.intake.casefile.application.ReportOutcome;
import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.Participant;
import io.cityloop.intake.casefile.model.ReportOrigin;
import io.cityloop.intake.casefile.model.ReportSource;
import io.cityloop.platform.problem.ProblemException;
import io.cityloop.platform.problem.Problems;

/**
 * 公众举报 without an account: rate-limited per client, answered with a tracking view that shows the status and
 * nothing about people. The gateway forwards these without a token.
 */
@RestController
class PublicReportController {

    static final Participant ANONYMOUS = new Participant("public", "public");

    private final CaseReporting reporting;
    private final CaseFileStore cases;
    private final PublicReportThrottle throttle;

    PublicReportController(CaseReporting reporting, CaseFileStore cases, PublicReportThrottle throttle) {
        this.reporting = reporting;
        this.cases = cases;
        this.throttle = throttle;
    }

    @PostMapping("/api/public/reports")
    ResponseEntity<PublicCaseView> report(@RequestHeader("Idempotency-Key") String key,
                                          @Valid @RequestBody PublicReportRequest request,
                                          HttpServletRequest http) {
        CaseProblems.requireKey(key);
        boolean retry = cases.findReport(ANONYMOUS.id(), key).isPresent();
        if (!retry && !throttle.tryAcquire(client(http))) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many reports",
                    "too many reports from this client in the last hour; please call 12345", List.of());
        }
        ReportOutcome outcome = CaseProblems.act(() -> reporting.report(new NewReport(request.categoryCode(),
                request.description(), request.location().lon(), request.location().lat(), request.address(), key,
                request.contactPhone() == null ? ReportOrigin.NONE
                        : new ReportOrigin(null, null, null, request.contactPhone())), ANONYMOUS,
                ReportSource.PUBLIC));
        PublicCaseView view = PublicCaseView.of(outcome.caseFile());
        return outcome.created()
                ? ResponseEntity.created(URI.create("/api/public/reports/" + view.id())).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping("/api/public/reports/{id}")
    PublicCaseView track(@PathVariable String id) {
        CaseFile file = cases.find(id).filter(c -> c.reporter().equals(ANONYMOUS))
                .orElseThrow(() -> Problems.notFound("no public report " + id));
        return PublicCaseView.of(file);
    }

    /** The gateway appends the caller to X-Forwarded-For; the first hop is the citizen's address. */
    private static String client(HttpServletRequest http) {
        String forwarded = http.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].trim();
        }
        return http.getRemoteAddr();
    }

    record PublicCaseView(String id, String status, String categoryCode, String categoryName, String districtName,
                          String streetName, Instant reportedAt) {

        static PublicCaseView of(CaseFile file) {
            return new PublicCaseView(file.id(), file.status().name(), file.category().code(),
                    file.category().name(), file.location().districtName(), file.location().streetName(),
                    file.reportedAt());
        }
    }
}
