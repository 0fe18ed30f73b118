package io.cityloop.platform.problem;

import java.util.List;

import org.springframework.http.HttpStatus;

/** An answer to the caller that is an RFC 9457 problem; thrown by adapters, rendered by {@link ProblemAdvice}. */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final List<FieldProblem> errors;

    public ProblemException(HttpStatus status, String slug, String title, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
