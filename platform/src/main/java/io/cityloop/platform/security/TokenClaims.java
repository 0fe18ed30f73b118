package io.cityloop.platform.security;

import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;

/**
 * A token signed with the right key is not enough: it must also come from the city's issuer ({@code iss}) and be
 * meant for CityLoop ({@code aud}), so a token the same provider signed for another application, or one naming a
 * foreign issuer, is refused by every service as it is at the gateway.
 */
public final class TokenClaims {

    private TokenClaims() {
    }

    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        OAuth2TokenValidator<Jwt> audienceValidator = jwt -> {
            List<String> audiences = jwt.getAudience();
            if (audiences != null && audiences.contains(audience)) {
                return OAuth2TokenValidatorResult.success();
            }
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                    "the token is not meant for audience " + audience, null));
        };
        return new DelegatingOAuth2TokenValidator<>(new JwtIssuerValidator(issuer), audienceValidator);
    }
}
