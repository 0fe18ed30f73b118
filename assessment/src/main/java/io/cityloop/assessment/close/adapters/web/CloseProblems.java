package io.cityloop.assessment.close.adapters.web;

import java.util.function.Supplier;

import io.cityloop.assessment.close.application.AppealService;
import io.cityloop.assessment.close.application.ConcurrentCloseException;
import io.cityloop.assessment.close.application.FactsNotCaughtUpException;
import io.cityloop.assessment.close.application.InvalidAppealException;
import io.cityloop.assessment.month.model.IllegalTransitionException;
import io.cityloop.platform.problem.Problems;

/**
 * Month-close and appeal failures as problem+json: 409 invalid-transition or conflict, 400, 404, and 503 with
 * Retry-After while the facts are still reading case events.
 */
final class CloseProblems {

    private CloseProblems() {
    }

    static <T> T translate(Supplier<T> command) {
        try {
            return command.get();
        } catch (IllegalTransitionException e) {
            throw Problems.invalidTransition(e.getMessage());
        } catch (ConcurrentCloseException e) {
            throw Problems.conflict(e.getMessage());
        } catch (FactsNotCaughtUpException e) {
            throw Problems.unavailable(e.getMessage());
        } catch (InvalidAppealException e) {
            throw Problems.validation(e.field(), e.rule(), e.getMessage());
        } catch (AppealService.AppealNotFoundException e) {
            throw Problems.notFound(e.getMessage());
        }
    }
}
