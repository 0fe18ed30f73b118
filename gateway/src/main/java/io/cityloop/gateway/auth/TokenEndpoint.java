package io.cityloop.gateway.auth;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cityloop.gateway.platform.Problem;
import io.cityloop.gateway.platform.Problem.FieldError;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;

/**
 * The embedded mode's sign-in: exchanges a demo user name and password for a bearer token, answering in the shape
 * of an OAuth2 token response so the console and scripts would work the same against a real provider.
 */
@RestController
@ConditionalOnLocalIssuer
class TokenEndpoint {

    static final String PATH = "/api/auth/token";

    private final DemoLogin login;
    private final AccessTokenIssuer issuer;

    TokenEndpoint(DemoLogin login, AccessTokenIssuer issuer) {
        this.login = login;
        this.issuer = issuer;
    }

    /** What the caller sends. */
    record TokenRequest(String username, String password) {
    }

    /** RFC 6749 §5.1 field names, hence snake case. */
    record TokenResponse(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") long expiresIn) {
    }

    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> token(@RequestBody(required = false) TokenRequest request) {
        List<FieldError> missing = missingFields(request);
        if (!missing.isEmpty()) {
            return problem(Problem.validation(PATH, missing));
        }
        return login.signIn(request.username(), request.password())
                .<ResponseEntity<?>>map(account -> {
                    AccessTokenIssuer.IssuedToken token = issuer.issue(account);
                    return ResponseEntity.ok()
                            .cacheControl(CacheControl.noStore())
                            .body(new TokenResponse(token.value(), "Bearer", token.lifetime().toSeconds()));
                })
                .orElseGet(() -> problem(Problem.unauthenticated(PATH, "unknown user name or wrong password")));
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<Problem> unreadable(ServerWebInputException ignored, ServerHttpRequest request) {
        return problem(Problem.validation(request.getPath().value(),
                "the body must be JSON of the form {\"username\": …, \"password\": …}"));
    }

    private static List<FieldError> missingFields(TokenRequest request) {
        List<FieldError> missing = new ArrayList<>();
        if (request == null || request.username() == null || request.username().isBlank()) {
            missing.add(new FieldError("username", "required", "must not be blank"));
        }
        if (request == null || request.password() == null || request.password().isEmpty()) {
            missing.add(new FieldError("password", "required", "must not be empty"));
        }
        return missing;
    }

    private static ResponseEntity<Problem> problem(Problem problem) {
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
