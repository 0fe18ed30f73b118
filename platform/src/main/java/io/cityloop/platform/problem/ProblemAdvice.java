package io.cityloop.platform.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.cityloop.platform.http.BodyTooLargeException;
import io.cityloop.platform.persistence.DatabaseUnavailable;
import io.cityloop.reference.RuleViolationException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every failure into RFC 9457 problem+json that names the field and the rule, never a stack trace. Spring MVC's
 * own exceptions keep their status; CityLoop adds the problem type and the {@code errors} list.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> onProblem(ProblemException e, WebRequest request) {
        return handleExceptionInternal(e, ProblemResponses.detail(e), ProblemResponses.headers(e), e.status(), request);
    }

    /** Every model's refusal, in every service: 400 naming each broken rule's field and rule. */
    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<Object> onRuleViolation(RuleViolationException e, WebRequest request) {
        return onProblem(Problems.validation(e.broken().stream()
                .map(rule -> new FieldProblem(rule.field(), rule.rule(), rule.message())).toList()), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> onAccessDenied(AccessDeniedException e, WebRequest request) {
        return onProblem(Problems.forbidden("your role may not do this"), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> onTypeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
        return onProblem(Problems.validation(e.getName(), "type", "has an invalid value: " + e.getValue()), request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> onConcurrentChange(OptimisticLockingFailureException e, WebRequest request) {
        return onProblem(Problems.conflict("the record was changed concurrently; reload and retry"), request);
    }

    /**
     * Anything else is a 500 — unless the database was away (no server to select within
     * {@code cityloop.mongo.server-selection-timeout}, connection cut, read timed out), at any depth of the causes:
     * a retry later may work, so 503 with Retry-After instead of an alarming 500. A write whose answer was lost may
     * still have happened; commands carry an Idempotency-Key or an If-Match for that.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> onUnexpected(Exception e, WebRequest request) {
        BodyTooLargeException tooLarge = BodyTooLargeException.in(e);
        if (tooLarge != null) {
            return onProblem(tooLarge(tooLarge), request);
        }
        if (DatabaseUnavailable.causedBy(e)) {
            log.warn("database unavailable on {}: {}", describe(request), e.getMessage());
            return onProblem(Problems.unavailable(
                    "the service's database is not reachable right now; try again in a few seconds"), request);
        }
        log.error("unhandled failure on {}", describe(request), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "an unexpected error occurred; nothing was changed");
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    private static ProblemException tooLarge(BodyTooLargeException e) {
        String message = "must be at most " + e.limit() + " bytes";
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                "body: " + message, List.of(new FieldProblem("body", "max-size", message)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), ruleOf(error.getCode()), error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(error -> errors.add(
                new FieldProblem(error.getObjectName(), ruleOf(error.getCode()), error.getDefaultMessage())));
        return onProblem(Problems.validation(errors), request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> errors.add(
                new FieldProblem(result.getMethodParameter().getParameterName(),
                        ruleOf(error.getCodes() == null || error.getCodes().length == 0 ? null
                                : lastSegment(error.getCodes()[error.getCodes().length - 1])),
                        error.getDefaultMessage()))));
        return onProblem(Problems.validation(errors), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyTooLargeException tooLarge = BodyTooLargeException.in(e);
        if (tooLarge != null) {
            return onProblem(tooLarge(tooLarge), request);
        }
        if (e.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            return onProblem(Problems.validation(field, "type", "has a value of the wrong type or format"), request);
        }
        return onProblem(Problems.validation("body", "json", "the request body is missing or not valid JSON"),
                request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return onProblem(Problems.validation(e.getParameterName(), "required", "is required"), request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e instanceof MissingRequestHeaderException missing) {
            return onProblem(Problems.validation(missing.getHeaderName(), "required", "header is required"),
                    request);
        }
        return super.handleServletRequestBindingException(e, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(Problems.type(Problems.slugFor(status.value())));
            }
            if (request instanceof ServletWebRequest servlet) {
                problem.setInstance(java.net.URI.create(servlet.getRequest().getRequestURI()));
            }
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    /** {@code NotBlank} → {@code not-blank}: the rule as a caller reads it. */
    static String ruleOf(String constraintCode) {
        if (constraintCode == null || constraintCode.isBlank()) {
            return "invalid";
        }
        return constraintCode.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String lastSegment(String code) {
        int dot = code.lastIndexOf('.');
        return dot < 0 ? code : code.substring(dot + 1);
    }

    private static String describe(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? servlet.getHttpMethod() + " " + servlet.getRequest().getRequestURI()
                : request.getDescription(false);
    }
}
