package io.cityloop.intake.casefile.adapters.web;

import java.net.URI;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.cityloop.intake.casefile.application.NewReport;
import io.cityloop.intake.casefile.application.PublicIntake;
import io.cityloop.intake.casefile.application.ReportOutcome;
import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.ReportOrigin;
import io.cityloop.intake.web.ClientAddress;
import io.cityloop.platform.problem.Problems;

/**
 * 公众举报 without an account: rate-limited per client, answered with a tracking view that shows the status and
 * nothing about people. The gateway forwards these without a token.
 */
@RestController
class PublicReportController {

    private final PublicIntake intake;

    PublicReportController(PublicIntake intake) {
        this.intake = intake;
    }

    @PostMapping("/api/public/reports")
    ResponseEntity<PublicCaseView> report(@RequestHeader("Idempotency-Key") String key,
                                          @Valid @RequestBody PublicReportRequest request,
                                          HttpServletRequest http) {
        IdempotencyKeys.require(key);
        NewReport report = new NewReport(request.categoryCode(), request.description(), request.location().lon(),
                request.location().lat(), request.address(), key, request.contactPhone() == null ? ReportOrigin.NONE
                        : new ReportOrigin(null, null, null, request.contactPhone()));
        ReportOutcome outcome = intake.report(report, ClientAddress.of(http));
        PublicCaseView view = PublicCaseView.of(outcome.caseFile());
        return outcome.created()
                ? ResponseEntity.created(URI.create("/api/public/reports/" + view.id())).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping("/api/public/reports/{id}")
    PublicCaseView track(@PathVariable String id) {
        CaseFile file = intake.track(id).orElseThrow(() -> Problems.notFound("no public report " + id));
        return PublicCaseView.of(file);
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
