package io.cityloop.platform.problem;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;

/** The problem types every service answers with; see docs/service-conventions.md. */
public final class Problems {

    public static final String TYPE_BASE = "https://cityloop.io/problems/";

    /** The Retry-After of every 503: long enough for a restarted MongoDB or a catching-up projection. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    public static ProblemException validation(String field, String rule, String message) {
        return validation(List.of(new FieldProblem(field, rule, message)));
    }

    public static ProblemException validation(List<FieldProblem> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail, errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", detail, List.of());
    }

    public static ProblemException invalidTransition(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, "invalid-transition", "Invalid transition", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, "conflict", "Conflict", detail, List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, List.of());
    }

    public static ProblemException unauthenticated(String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", detail, List.of());
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Unavailable", detail, List.of());
    }

    static String slugFor(int status) {
        return switch (status) {
            case 400 -> "validation";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "request";
        };
    }
}
