package io.cityloop.intake.casefile.adapters.open311;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.cityloop.intake.casefile.application.IdempotencyKeyReusedException;
import io.cityloop.intake.casefile.application.PublicIntake;
import io.cityloop.intake.casefile.application.TooManyReportsException;
import io.cityloop.intake.web.ClientAddress;
import io.cityloop.platform.persistence.DatabaseUnavailable;
import io.cityloop.platform.problem.FieldProblem;
import io.cityloop.platform.problem.ProblemException;
import io.cityloop.platform.problem.Problems;
import io.cityloop.reference.RuleViolationException;

/**
 * Open311 clients expect {@code [{code, description}]} (or its XML for a {@code .xml} resource), not problem+json,
 * so the Open311 endpoints answer every refusal in that format. Ordered before the platform's advice, which still serves every other endpoint, and after
 * the web adapter's advice for requests the container cannot read, which answers Open311 paths in this format too.
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class Open311Advice {

    private static final Logger log = LoggerFactory.getLogger(Open311Advice.class);

    private final PublicIntake intake;

    Open311Advice(PublicIntake intake) {
        this.intake = intake;
    }

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<?> onRefusal(Open311Exception e) {
        HttpHeaders headers = new HttpHeaders();
        if (e.retryAfter() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()));
        }
        return Open311Error.answer(e.status(), e.errors(), headers);
    }

    /** The intake's refusals, with the field named as the Open311 client sent it. */
    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<?> onRuleViolation(RuleViolationException e) {
        return onRefusal(new Open311Exception(HttpStatus.BAD_REQUEST, e.broken().stream()
                .map(rule -> Open311Fields.name(rule.field()) + ": " + rule.message()).toList()));
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<?> onKeyReused(IdempotencyKeyReusedException e) {
        return onRefusal(new Open311Exception(HttpStatus.CONFLICT, List.of("Idempotency-Key: " + e.getMessage())));
    }

    @ExceptionHandler(TooManyReportsException.class)
    ResponseEntity<?> onTooManyReports(TooManyReportsException e, HttpServletRequest request) {
        return onRefusal(new Open311Exception(HttpStatus.TOO_MANY_REQUESTS, List.of(e.getMessage()),
                intake.retryAfter(ClientAddress.of(request))));
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<?> onProblem(ProblemException e) {
        List<String> descriptions = e.errors().isEmpty() ? List.of(e.getMessage())
                : e.errors().stream().map(Open311Advice::describe).toList();
        return answer(e.status(), Open311Error.of(e.status().value(), descriptions));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<?> onConcurrentChange(OptimisticLockingFailureException e) {
        return answer(HttpStatus.CONFLICT, List.of(new Open311Error(409, "the request changed concurrently; retry")));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<?> onUnexpected(Exception e) {
        if (DatabaseUnavailable.causedBy(e)) {
            log.warn("database unavailable on an Open311 request: {}", e.getMessage());
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS);
            return Open311Error.answer(HttpStatus.SERVICE_UNAVAILABLE,
                    List.of(new Open311Error(503, "the service is briefly unavailable; try again shortly")), headers);
        }
        log.error("unhandled failure on an Open311 request", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR,
                List.of(new Open311Error(500, "an unexpected error occurred; nothing was changed")));
    }

    private static String describe(FieldProblem problem) {
        return Open311Fields.name(problem.field()) + ": " + problem.message();
    }

    private static ResponseEntity<?> answer(HttpStatus status, List<Open311Error> errors) {
        return Open311Error.answer(status, errors, null);
    }
}
