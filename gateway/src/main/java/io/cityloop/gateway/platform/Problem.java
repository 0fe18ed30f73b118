package io.cityloop.gateway.platform;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem as every CityLoop service writes it (docs/service-conventions.md), kept as a plain record
 * so that controllers, security handlers and the routing fallback all produce byte-for-byte the same shape.
 *
 * @param errors the offending fields; only validation problems carry them
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    private static final String TYPE_BASE = "https://cityloop.io/problems/";

    /** One broken rule on one input field. */
    public record FieldError(String field, String rule, String message) {
    }

    public static Problem validation(String instance, List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                .orElse("the request is invalid");
        return new Problem(type("validation"), "Invalid request", 400, detail, instance, List.copyOf(errors));
    }

    public static Problem validation(String instance, String detail) {
        return new Problem(type("validation"), "Invalid request", 400, detail, instance, List.of());
    }

    public static Problem unauthenticated(String instance, String detail) {
        return new Problem(type("unauthenticated"), "Authentication required", 401, detail, instance, List.of());
    }

    public static Problem forbidden(String instance, String detail) {
        return new Problem(type("forbidden"), "Access denied", 403, detail, instance, List.of());
    }

    public static Problem unavailable(String instance, String detail) {
        return new Problem(type("unavailable"), "Service unavailable", 503, detail, instance, List.of());
    }

    public static Problem tooManyRequests(String instance, String detail) {
        return new Problem(type("rate-limited"), "Too many requests", 429, detail, instance, List.of());
    }

    public static Problem payloadTooLarge(String instance, long limit) {
        String message = "must be at most " + limit + " bytes";
        return new Problem(type("payload-too-large"), "Payload too large", 413, "body: " + message, instance,
                List.of(new FieldError("body", "max-size", message)));
    }

    private static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }
}
