package io.cityloop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/** A well-signed token from a foreign issuer, or for another audience, is refused by every service. */
class TokenClaimsTest {

    private final OAuth2TokenValidator<Jwt> validator = TokenClaims.validator("http://localhost:8080", "cityloop");

    @Test
    void acceptsTheCitysIssuerAndAudience() {
        assertThat(validator.validate(token("http://localhost:8080", List.of("cityloop"))).hasErrors()).isFalse();
    }

    @Test
    void refusesAForeignIssuer() {
        assertThat(validator.validate(token("https://evil.example", List.of("cityloop"))).hasErrors()).isTrue();
    }

    @Test
    void refusesATokenWithoutOrForAnotherAudience() {
        assertThat(validator.validate(token("http://localhost:8080", null)).hasErrors()).isTrue();
        assertThat(validator.validate(token("http://localhost:8080", List.of("payroll"))).hasErrors()).isTrue();
    }

    private static Jwt token(String issuer, List<String> audience) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("operator").claim("iss", issuer)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600));
        if (audience != null) {
            jwt.audience(audience);
        }
        return jwt.build();
    }
}
