package io.cityloop.platform.problem;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A {@link ProblemException} as the answer every service gives it — type, title, detail, instance, the
 * {@code errors} when there are any and, for a 503, when to try again — for a service's own
 * {@code @RestControllerAdvice}, so that its refusals read exactly like the platform's.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static ResponseEntity<ProblemDetail> answer(ProblemException e, HttpServletRequest request) {
        ProblemDetail problem = detail(e);
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(e.status()).headers(headers(e)).body(problem);
    }

    /** The problem's body without its instance: type, title, detail and the {@code errors} when there are any. */
    static ProblemDetail detail(ProblemException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setType(Problems.type(e.slug()));
        problem.setTitle(e.title());
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        return problem;
    }

    /** A 503 always says when to try again. */
    static HttpHeaders headers(ProblemException e) {
        HttpHeaders headers = new HttpHeaders();
        if (e.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            headers.set(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS);
        }
        return headers;
    }
}
