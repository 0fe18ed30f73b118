package io.cityloop.gateway.auth;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cityloop.gateway.platform.ClientAddressFilter;
import io.cityloop.gateway.platform.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestHeader;
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

    private static final Logger audit = LoggerFactory.getLogger("cityloop.audit");

    private final DemoLogin login;
    private final AccessTokenIssuer issuer;
    private final SignInThrottle throttle;

    TokenEndpoint(DemoLogin login, AccessTokenIssuer issuer, SignInThrottle throttle) {
        this.login = login;
        this.issuer = issuer;
        this.throttle = throttle;
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
    ResponseEntity<?> token(@RequestBody(required = false) TokenRequest request,
                            @RequestHeader(value = ClientAddressFilter.HEADER, required = false) String client) {
        List<FieldError> missing = missingFields(request);
        if (!missing.isEmpty()) {
            return problem(Problem.validation(PATH, missing));
        }
        String caller = client == null || client.isBlank() ? "unknown" : client;
        String username = printable(request.username());
        SignInThrottle.Decision decision = throttle.tryAttempt(request.username(), caller);
        if (decision instanceof SignInThrottle.Refused refused) {
            long seconds = Math.max(1, (refused.retryAfter().toMillis() + 999) / 1000);
            audit.warn("sign-in throttled: user={} client={} retryAfter={}s ({})", username, caller, seconds,
                    refused.why());
            Problem tooMany = Problem.tooManyRequests(PATH, refused.why() + "; try again in " + seconds + " s");
            return ResponseEntity.status(tooMany.status()).header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(tooMany);
        }
        SignInThrottle.Attempt attempt = ((SignInThrottle.Allowed) decision).attempt();
        return login.signIn(request.username(), request.password())
                .<ResponseEntity<?>>map(account -> {
                    throttle.succeeded(attempt);
                    audit.info("sign-in: user={} client={}", username, caller);
                    AccessTokenIssuer.IssuedToken token = issuer.issue(account);
                    return ResponseEntity.ok()
                            .cacheControl(CacheControl.noStore())
                            .body(new TokenResponse(token.value(), "Bearer", token.lifetime().toSeconds()));
                })
                .orElseGet(() -> {
                    throttle.failed(attempt);
                    audit.warn("sign-in failed: user={} client={}", username, caller);
                    return problem(Problem.unauthenticated(PATH, "unknown user name or wrong password"));
                });
    }

    /** A user name as it may go into a log line: no line breaks or control characters, at most 64 characters. */
    private static String printable(String username) {
        String clean = username.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
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
