package io.cityloop.intake.casefile.adapters.web;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import io.cityloop.intake.casefile.adapters.open311.Open311Error;
import io.cityloop.platform.problem.FieldProblem;
import io.cityloop.platform.problem.Problems;

/**
 * Requests the servlet container cannot read. A multipart body whose file name holds a NUL byte or whose boundary
 * is broken, a part header over the container's limit (a very long file name), a query string or form with
 * malformed percent-encoding, more parameters than the container reads, or a form over its size: the container
 * reports each as an exception that is no refusal the platform knows, so it became a 500, for anonymous callers too.
 * Multipart bodies are parsed before any controller is chosen, so no controller's own advice sees those.
 *
 * <p>Ordered first, so that these are refusals on every path: Open311's paths in Open311's format, every other one
 * as problem+json naming the field and the rule. Nothing was read, so nothing was changed.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadableRequestAdvice {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<?> onUploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return refuse(request, HttpStatus.CONTENT_TOO_LARGE, "file", "max-size", "the upload is larger than the "
                + "service reads: a photo may be at most 10 MB, and each part's headers (a file name included) and "
                + "the number of parts are limited too");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<?> onUnreadableMultipart(MultipartException e, HttpServletRequest request) {
        return refuse(request, HttpStatus.BAD_REQUEST, "body", "multipart", "is not a multipart body the service "
                + "can read (for example a file name with a NUL byte, or a broken boundary)");
    }

    /** Tomcat suggests 413 for a form over its size and 400 for everything else it will not decode. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<?> onUnreadableParameters(InvalidParameterException e, HttpServletRequest request) {
        String field = request.getQueryString() == null ? "body" : "query";
        if (e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            return refuse(request, HttpStatus.CONTENT_TOO_LARGE, field, "max-size",
                    "the form is larger than the service reads");
        }
        return refuse(request, HttpStatus.BAD_REQUEST, field, "parameters", "cannot be read as parameters: "
                + "malformed percent-encoding, text that is not UTF-8, or more parameters than the service reads");
    }

    private static ResponseEntity<?> refuse(HttpServletRequest request, HttpStatus status, String field, String rule,
                                            String message) {
        if (request.getRequestURI().startsWith(Open311Error.PATH_PREFIX)) {
            return Open311Error.answer(status, List.of(field + ": " + message));
        }
        boolean tooLarge = status == HttpStatus.CONTENT_TOO_LARGE;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, field + ": " + message);
        problem.setType(Problems.type(tooLarge ? "payload-too-large" : "validation"));
        problem.setTitle(tooLarge ? "Payload too large" : "Invalid request");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("errors", List.of(new FieldProblem(field, rule, message)));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
