package io.cityloop.intake.casefile.adapters.open311;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * One entry of Open311's error answer, {@code [{"code": 400, "description": "…"}]} — or, for a resource asked for
 * as {@code .xml}, {@code <errors><error><code>400</code><description>…</description></error></errors>}; code is
 * the HTTP status. Public because refusals made before any controller is chosen (a request body the container
 * cannot read) are answered by the web adapter's advice, which must still answer Open311 clients in this format.
 */
public record Open311Error(int code, String description) {

    /** Every path under it is an Open311 endpoint, whose clients read this format and not problem+json. */
    public static final String PATH_PREFIX = "/open311/";

    static List<Open311Error> of(int code, List<String> descriptions) {
        return descriptions.stream().map(description -> new Open311Error(code, description)).toList();
    }

    /** The refusal in the format the current request asked for by its suffix: XML for {@code .xml}, else JSON. */
    public static ResponseEntity<?> answer(HttpStatus status, List<String> descriptions) {
        return answer(status, of(status.value(), descriptions), null);
    }

    static ResponseEntity<?> answer(HttpStatus status, List<Open311Error> errors, HttpHeaders headers) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (headers != null) {
            response.headers(headers);
        }
        if (Open311Xml.wanted(currentPath())) {
            return response.contentType(Open311Xml.TEXT_XML).body(Open311Xml.errors(errors));
        }
        return response.contentType(MediaType.APPLICATION_JSON).body(errors);
    }

    private static String currentPath() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRequestURI();
        }
        return null;
    }
}
