package io.cityloop.dispatch.task.adapters.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.cityloop.dispatch.task.application.StaleTaskException;
import io.cityloop.dispatch.task.model.Task;
import io.cityloop.platform.problem.Problems;

/**
 * The loser of two concurrent commands gets 409 {@code conflict} with the task's current status and version, so
 * the console can show what happened and let the user decide again. Ordered before the platform's catch-all.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaleTaskAdvice {

    @ExceptionHandler(StaleTaskException.class)
    ResponseEntity<ProblemDetail> onStale(StaleTaskException e, HttpServletRequest request) {
        Task current = e.current();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(Problems.type("conflict"));
        problem.setTitle("Conflict");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("taskId", current.id().value());
        problem.setProperty("currentStatus", current.status());
        problem.setProperty("currentVersion", current.version());
        problem.setProperty("currentDeadline", current.countdown().deadline());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .eTag(String.valueOf(current.version())).body(problem);
    }
}
