package io.cityloop.assessment.close.adapters.web;

import static io.cityloop.platform.problem.ProblemResponses.answer;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.cityloop.assessment.close.application.AppealService.AppealNotFoundException;
import io.cityloop.assessment.close.application.ConcurrentCloseException;
import io.cityloop.assessment.close.application.FactsNotCaughtUpException;
import io.cityloop.assessment.month.model.IllegalTransitionException;
import io.cityloop.platform.problem.Problems;

/**
 * assessment's own refusals — all of them the month close's and the appeals' — as problems the caller can act on;
 * nothing was changed when one is thrown. An invalid appeal is a rule violation, answered by the platform's advice.
 * Ordered before the platform's advice, whose catch-all would otherwise make these a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CloseProblemAdvice {

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<ProblemDetail> onIllegalTransition(IllegalTransitionException e, HttpServletRequest request) {
        return answer(Problems.invalidTransition(e.getMessage()), request);
    }

    @ExceptionHandler(ConcurrentCloseException.class)
    ResponseEntity<ProblemDetail> onConcurrentClose(ConcurrentCloseException e, HttpServletRequest request) {
        return answer(Problems.conflict(e.getMessage()), request);
    }

    /** The facts are still reading case events: freezing again in a moment will do. */
    @ExceptionHandler(FactsNotCaughtUpException.class)
    ResponseEntity<ProblemDetail> onFactsNotCaughtUp(FactsNotCaughtUpException e, HttpServletRequest request) {
        return answer(Problems.unavailable(e.getMessage()), request);
    }

    @ExceptionHandler(AppealNotFoundException.class)
    ResponseEntity<ProblemDetail> onAppealNotFound(AppealNotFoundException e, HttpServletRequest request) {
        return answer(Problems.notFound(e.getMessage()), request);
    }
}
