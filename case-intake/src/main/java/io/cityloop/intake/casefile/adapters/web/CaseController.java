package io.cityloop.intake.casefile.adapters.web;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

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
import io.cityloop.intake.casefile.application.CaseNotFoundException;
import io.cityloop.intake.casefile.application.CaseReporting;
import io.cityloop.intake.casefile.application.FilingReview;
import io.cityloop.intake.casefile.application.IdempotencyKeyReusedException;
import io.cityloop.intake.casefile.application.InvalidReportException;
import io.cityloop.intake.casefile.application.NewReport;
import io.cityloop.intake.casefile.application.OnSiteVerification;
import io.cityloop.intake.casefile.application.ReportOutcome;
import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.CaseStatus;
import io.cityloop.intake.casefile.model.IllegalTransitionException;
import io.cityloop.intake.casefile.model.NotTheVerifierException;
import io.cityloop.intake.casefile.model.Participant;
import io.cityloop.intake.casefile.model.ReportSource;
import io.cityloop.intake.casefile.model.VerificationResult;
import io.cityloop.platform.problem.Problems;
import io.cityloop.platform.security.CurrentUser;

/**
 * The case file's API. A retried report (same Idempotency-Key, same content) answers 200 with the case the first
 * submission created (201); the same key with other content is a 409.
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    private static final int MAX_LIST = 200;

    private final CaseReporting reporting;
    private final FilingReview filing;
    private final OnSiteVerification verification;
    private final CaseFileStore cases;
    private final CaseViewMapper views;

    CaseController(CaseReporting reporting, FilingReview filing, OnSiteVerification verification,
                   CaseFileStore cases, CaseViewMapper views) {
        this.reporting = reporting;
        this.filing = filing;
        this.verification = verification;
        this.cases = cases;
        this.views = views;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('INSPECTOR','OPERATOR')")
    ResponseEntity<CaseView> report(@RequestHeader("Idempotency-Key") String key,
                                    @Valid @RequestBody ReportRequest request, CurrentUser user) {
        if (key.isBlank() || key.length() < 8 || key.length() > 100) {
            throw Problems.validation("Idempotency-Key", "size", "must be 8 to 100 characters, e.g. a UUID");
        }
        boolean inspector = user.hasRole("inspector");
        Participant reporter = new Participant(user.username(), inspector ? "inspector" : "operator");
        ReportOutcome outcome = act(() -> reporting.report(new NewReport(request.categoryCode(),
                        request.description(), request.location().lon(), request.location().lat(),
                        request.address(), key), reporter, inspector ? ReportSource.INSPECTOR : ReportSource.HOTLINE));
        CaseView view = views.toView(outcome.caseFile());
        return outcome.created()
                ? ResponseEntity.created(URI.create("/api/cases/" + view.id())).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping("/{id}")
    CaseView read(@PathVariable String id, CurrentUser user) {
        CaseFile file = cases.find(id).orElseThrow(() -> Problems.notFound("no case " + id));
        if (user.hasRole("department") && !user.hasAnyRole("supervisor", "dispatcher", "admin")
                && (file.currentTask() == null || !user.belongsTo(file.currentTask().unitId()))) {
            throw Problems.forbidden("case " + id + " is not dispatched to " + user.unit());
        }
        return views.toView(file);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPERATOR','SHIFT_LEAD','DISPATCHER','SUPERVISOR','ADMIN')")
    List<CaseView> list(@RequestParam(defaultValue = "REPORTED") CaseStatus status,
                        @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw Problems.validation("limit", "range", "must be between 1 and " + MAX_LIST);
        }
        return cases.findByStatus(status, limit).stream().map(views::toView).toList();
    }

    @PostMapping("/{id}/filing")
    @PreAuthorize("hasAnyRole('OPERATOR','SHIFT_LEAD')")
    CaseView decideFiling(@PathVariable String id, @Valid @RequestBody FilingRequest request, CurrentUser user) {
        Participant operator = new Participant(user.username(), user.actingRole("shift-lead", "operator"));
        if (request.decision() == FilingRequest.Decision.REJECT) {
            if (request.reasonCode() == null) {
                throw Problems.validation("reasonCode", "required",
                        "a rejection (不予立案) needs a reason code: NOT_IN_SCOPE, CRITERION_NOT_MET, "
                                + "LOCATION_INVALID, INFORMATION_INSUFFICIENT or DUPLICATE");
            }
            return views.toView(act(() -> filing.reject(id, operator, request.reasonCode(), request.note())));
        }
        return views.toView(act(() -> filing.file(id, operator, request.note())));
    }

    @PostMapping("/{id}/verification")
    @PreAuthorize("hasAnyRole('INSPECTOR','SHIFT_LEAD')")
    CaseView verify(@PathVariable String id, @Valid @RequestBody VerificationRequest request, CurrentUser user) {
        Participant inspector = new Participant(user.username(), user.actingRole("inspector", "shift-lead"));
        if (request.result() == VerificationResult.FAIL) {
            if (request.note() == null || request.note().isBlank()) {
                throw Problems.validation("note", "required", "a failed check must say what is still wrong");
            }
            return views.toView(act(() -> verification.fail(id, inspector, request.note())));
        }
        return views.toView(act(() -> verification.pass(id, inspector, request.note())));
    }

    /** Domain refusals as the problems the caller can act on; nothing was saved when one is thrown. */
    static <T> T act(Supplier<T> command) {
        try {
            return command.get();
        } catch (CaseNotFoundException e) {
            throw Problems.notFound(e.getMessage());
        } catch (InvalidReportException e) {
            throw Problems.validation(e.field(), e.rule(), e.getMessage());
        } catch (IdempotencyKeyReusedException e) {
            throw Problems.conflict(e.getMessage());
        } catch (IllegalTransitionException e) {
            throw Problems.invalidTransition(e.getMessage());
        } catch (NotTheVerifierException e) {
            throw Problems.forbidden(e.getMessage());
        }
    }
}
