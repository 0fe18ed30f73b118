package io.cityloop.intake.casefile.adapters.open311;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * One entry of Open311's error answer, {@code [{"code": 400, "description": "…"}]}; code is the HTTP status. Public
 * because refusals made before any controller is chosen (a request body the container cannot read) are answered
 * by the web adapter's advice, which must still answer Open311 clients in this format.
 */
public record Open311Error(int code, String description) {

    /** Every path under it is an Open311 endpoint, whose clients read this format and not problem+json. */
    public static final String PATH_PREFIX = "/open311/";

    static List<Open311Error> of(int code, List<String> descriptions) {
        return descriptions.stream().map(description -> new Open311Error(code, description)).toList();
    }

    public static ResponseEntity<List<Open311Error>> answer(HttpStatus status, List<String> descriptions) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(of(status.value(), descriptions));
    }
}
