package io.cityloop.intake.casefile.adapters.web;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;

import io.cityloop.intake.casefile.application.CaseNotFoundException;
import io.cityloop.intake.casefile.application.IdempotencyKeyReusedException;
import io.cityloop.intake.casefile.application.InvalidReportException;
import io.cityloop.intake.casefile.application.TooManyReportsException;
import io.cityloop.intake.casefile.model.CaseRuleViolation;
import io.cityloop.intake.casefile.model.IllegalTransitionException;
import io.cityloop.intake.casefile.model.NotPermittedException;
import io.cityloop.intake.casefile.model.NotTheVerifierException;
import io.cityloop.platform.problem.FieldProblem;
import io.cityloop.platform.problem.ProblemException;
import io.cityloop.platform.problem.Problems;

/** Domain refusals as the problems the caller can act on; nothing was saved when one is thrown. */
final class CaseProblems {

    private CaseProblems() {
    }

    static <T> T act(Supplier<T> command) {
        try {
            return command.get();
        } catch (CaseNotFoundException e) {
            throw Problems.notFound(e.getMessage());
        } catch (InvalidReportException e) {
            throw Problems.validation(e.field(), e.rule(), e.getMessage());
        } catch (CaseRuleViolation e) {
            throw violation(e);
        } catch (IdempotencyKeyReusedException e) {
            throw Problems.conflict(e.getMessage());
        } catch (IllegalTransitionException e) {
            throw Problems.invalidTransition(e.getMessage());
        } catch (NotTheVerifierException | NotPermittedException e) {
            throw Problems.forbidden(e.getMessage());
        } catch (TooManyReportsException e) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many reports",
                    e.getMessage(), List.of());
        }
    }

    /** Too big is 413 and not an image is 415, still naming the field; every other rule is a 400. */
    static ProblemException violation(CaseRuleViolation e) {
        List<FieldProblem> errors = List.of(new FieldProblem(e.field(), e.rule(), e.getMessage()));
        if ("max-size".equals(e.rule())) {
            return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                    e.field() + ": " + e.getMessage(), errors);
        }
        if ("image-type".equals(e.rule())) {
            return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Unsupported media type", e.field() + ": " + e.getMessage(), errors);
        }
        return Problems.validation(errors);
    }

    static void requireKey(String key) {
        if (key == null || !key.matches("[A-Za-z0-9._:-]{8,100}")) {
            throw Problems.validation("Idempotency-Key", "pattern",
                    "must be 8 to 100 letters, digits or . _ : -, e.g. a UUID");
        }
    }
}
