package io.cityloop.intake.casefile.adapters.web;

import static io.cityloop.platform.problem.ProblemResponses.answer;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.cityloop.intake.casefile.application.CaseNotFoundException;
import io.cityloop.intake.casefile.application.IdempotencyKeyReusedException;
import io.cityloop.intake.casefile.application.TooManyReportsException;
import io.cityloop.intake.casefile.model.CaseRuleViolation;
import io.cityloop.intake.casefile.model.IllegalTransitionException;
import io.cityloop.intake.casefile.model.NotPermittedException;
import io.cityloop.intake.casefile.model.NotTheVerifierException;
import io.cityloop.intake.catalog.StaleCatalogException;
import io.cityloop.platform.problem.FieldProblem;
import io.cityloop.platform.problem.ProblemException;
import io.cityloop.platform.problem.Problems;

/**
 * case-intake's own refusals as the problems the caller can act on; nothing was saved when one is thrown. Every
 * other rule violation ({@code InvalidReportException}…) is the platform's 400. Ordered after Open311's advice,
 * which answers the Open311 endpoints in their own format, and before the platform's, whose catch-all would
 * otherwise make these a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class CaseProblemAdvice {

    @ExceptionHandler(CaseNotFoundException.class)
    ResponseEntity<ProblemDetail> onNotFound(CaseNotFoundException e, HttpServletRequest request) {
        return answer(Problems.notFound(e.getMessage()), request);
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<ProblemDetail> onIllegalTransition(IllegalTransitionException e, HttpServletRequest request) {
        return answer(Problems.invalidTransition(e.getMessage()), request);
    }

    @ExceptionHandler({NotTheVerifierException.class, NotPermittedException.class})
    ResponseEntity<ProblemDetail> onNotPermitted(RuntimeException e, HttpServletRequest request) {
        return answer(Problems.forbidden(e.getMessage()), request);
    }

    @ExceptionHandler({IdempotencyKeyReusedException.class, StaleCatalogException.class})
    ResponseEntity<ProblemDetail> onConflict(RuntimeException e, HttpServletRequest request) {
        return answer(Problems.conflict(e.getMessage()), request);
    }

    @ExceptionHandler(TooManyReportsException.class)
    ResponseEntity<ProblemDetail> onTooManyReports(TooManyReportsException e, HttpServletRequest request) {
        return answer(new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many reports",
                e.getMessage(), List.of()), request);
    }

    /** Too big is 413 and not an image is 415, still naming the field; every other rule is a 400. */
    @ExceptionHandler(CaseRuleViolation.class)
    ResponseEntity<ProblemDetail> onRuleViolation(CaseRuleViolation e, HttpServletRequest request) {
        List<FieldProblem> errors = e.broken().stream()
                .map(rule -> new FieldProblem(rule.field(), rule.rule(), rule.message())).toList();
        String detail = e.field() + ": " + e.getMessage();
        if ("max-size".equals(e.rule())) {
            return answer(new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                    "Payload too large", detail, errors), request);
        }
        if ("image-type".equals(e.rule())) {
            return answer(new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Unsupported media type", detail, errors), request);
        }
        return answer(Problems.validation(errors), request);
    }
}
