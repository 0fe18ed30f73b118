package io.cityloop.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs RS256 access tokens carrying the claims every service scopes its data by ({@code roles}, {@code unit},
 * {@code district}), so a token from here is indistinguishable to the services from one of a real OIDC provider.
 */
public final class AccessTokenIssuer {

    private final RSAKey signingKey;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;
    private final String audience;

    public AccessTokenIssuer(RSAKey signingKey, String issuer, Duration lifetime, Clock clock) {
        this(signingKey, issuer, "cityloop", lifetime, clock);
    }

    public AccessTokenIssuer(RSAKey signingKey, String issuer, String audience, Duration lifetime, Clock clock) {
        this.signingKey = signingKey;
        this.issuer = issuer;
        this.audience = audience;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A signed token and how long it lives, for the {@code expires_in} of the token response. */
    public record IssuedToken(String value, Duration lifetime) {
    }

    public IssuedToken issue(Account account) {
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(account.username())
                .claim("name", account.name())
                .claim("roles", account.roles())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString());
        if (account.unit() != null) {
            claims.claim("unit", account.unit());
        }
        if (account.district() != null) {
            claims.claim("district", account.district());
        }
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(signingKey.getKeyID())
                .build();
        SignedJWT token = new SignedJWT(header, claims.build());
        try {
            token.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token with the configured key", e);
        }
        return new IssuedToken(token.serialize(), lifetime);
    }
}
