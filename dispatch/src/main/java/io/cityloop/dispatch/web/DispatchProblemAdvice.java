package io.cityloop.dispatch.web;

import static io.cityloop.platform.problem.ProblemResponses.answer;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.cityloop.dispatch.calendar.application.StaleCalendarException;
import io.cityloop.dispatch.routing.application.StaleRuleSetException;
import io.cityloop.dispatch.routing.model.UnroutableCaseException;
import io.cityloop.dispatch.task.application.ForeignTaskException;
import io.cityloop.dispatch.task.application.PendingDispatchNotFoundException;
import io.cityloop.dispatch.task.application.StaleTaskException;
import io.cityloop.dispatch.task.application.TaskNotFoundException;
import io.cityloop.dispatch.task.model.CaseAlreadyDispatchedException;
import io.cityloop.dispatch.task.model.IllegalTransitionException;
import io.cityloop.dispatch.task.model.Task;
import io.cityloop.platform.problem.Problems;

/**
 * The command center's own refusals as the problems the caller can act on; nothing was saved when one is thrown. A
 * model's rule violation (a rule set that routes nowhere, a calendar edit that breaks the calendar) is the
 * platform's 400. Ordered before the platform's advice, whose catch-all would otherwise make these a 500.
 */
@RestControllerAdvice(basePackages = "io.cityloop.dispatch")
@Order(Ordered.HIGHEST_PRECEDENCE)
class DispatchProblemAdvice {

    @ExceptionHandler({TaskNotFoundException.class, PendingDispatchNotFoundException.class})
    ResponseEntity<ProblemDetail> onNotFound(RuntimeException e, HttpServletRequest request) {
        return answer(Problems.notFound(e.getMessage()), request);
    }

    @ExceptionHandler(ForeignTaskException.class)
    ResponseEntity<ProblemDetail> onForeignTask(ForeignTaskException e, HttpServletRequest request) {
        return answer(Problems.forbidden(e.getMessage()), request);
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<ProblemDetail> onIllegalTransition(IllegalTransitionException e, HttpServletRequest request) {
        return answer(Problems.invalidTransition(e.getMessage()), request);
    }

    @ExceptionHandler({CaseAlreadyDispatchedException.class, StaleRuleSetException.class,
            StaleCalendarException.class})
    ResponseEntity<ProblemDetail> onConflict(RuntimeException e, HttpServletRequest request) {
        return answer(Problems.conflict(e.getMessage()), request);
    }

    /**
     * The loser of two concurrent task commands gets 409 {@code conflict} with the task's current status and
     * version, so the console can show what happened and let the user decide again.
     */
    @ExceptionHandler(StaleTaskException.class)
    ResponseEntity<ProblemDetail> onStaleTask(StaleTaskException e, HttpServletRequest request) {
        Task current = e.current();
        ProblemDetail problem = answer(Problems.conflict(e.getMessage()), request).getBody();
        problem.setProperty("taskId", current.id().value());
        problem.setProperty("currentStatus", current.status());
        problem.setProperty("currentVersion", current.version());
        problem.setProperty("currentDeadline", current.countdown().deadline());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .eTag(String.valueOf(current.version())).body(problem);
    }

    /** A task refuses a command's arguments (a blank reason, no extra time) as the request body's fault. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> onRefusedArgument(IllegalArgumentException e, HttpServletRequest request) {
        return answer(Problems.validation("body", "invalid", e.getMessage()), request);
    }

    /**
     * A routing failure names the input at fault as the caller sent it: a routing query's {@code categoryCode} or
     * {@code districtCode}; the parked case's own category or district when a dispatcher dispatches it by hand,
     * which no unit choice can mend ({@code known-category}, {@code known-district}); else the chosen
     * {@code unitId}.
     */
    @ExceptionHandler(UnroutableCaseException.class)
    ResponseEntity<ProblemDetail> onUnroutable(UnroutableCaseException e, HttpServletRequest request) {
        UnroutableCaseException.Reason reason = e.reason();
        String rule = reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String path = request.getRequestURI();
        if (path.startsWith("/api/routing/")) {
            String field = reason == UnroutableCaseException.Reason.UNKNOWN_DISTRICT ? "districtCode" : "categoryCode";
            return answer(Problems.validation(field, rule, e.getMessage()), request);
        }
        if (path.startsWith("/api/dispatch-queue/") && reason == UnroutableCaseException.Reason.UNKNOWN_CATEGORY) {
            return answer(Problems.validation("categoryCode", "known-category", e.getMessage()), request);
        }
        if (path.startsWith("/api/dispatch-queue/") && reason == UnroutableCaseException.Reason.UNKNOWN_DISTRICT) {
            return answer(Problems.validation("districtCode", "known-district", e.getMessage()), request);
        }
        return answer(Problems.validation("unitId", rule, e.getMessage()), request);
    }
}
