package io.cityloop.gateway.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Settings of the local token issuer that stands in for an OIDC provider in embedded mode.
 *
 * @param localIssuer  whether this gateway issues tokens itself; off when a real identity provider is used
 * @param issuer       the {@code iss} claim written into tokens and required of tokens presented back
 * @param tokenTtl     how long an access token stays valid; one working shift by default
 * @param keyFile      JWK JSON file holding the RSA signing key; generated there when absent so tokens survive a
 *                     restart; blank keeps a fresh key in memory only
 * @param demoPassword the one password of every demo account, a documented demo value and nothing secret
 * @param accounts     the account list the issuer signs in
 * @param audience     the {@code aud} claim written into tokens and required of tokens presented back (and by every
 *                     service: {@code cityloop.auth.audience} there too)
 * @param signIn       how many failed sign-ins an account and a caller's address may have in a window
 */
@ConfigurationProperties("cityloop.auth")
public record AuthProperties(
        @DefaultValue LocalIssuer localIssuer,
        @DefaultValue("http://localhost:8080") String issuer,
        @DefaultValue("8h") Duration tokenTtl,
        String keyFile,
        @DefaultValue("cityloop") String demoPassword,
        @DefaultValue("classpath:accounts/demo-accounts.yml") Resource accounts,
        @DefaultValue("cityloop") String audience,
        @DefaultValue SignIn signIn) {

    /**
     * Sign-in throttling (see {@link SignInThrottle}).
     *
     * @param maxFailuresPerAccount failed sign-ins of one account within {@code window} before it is refused
     * @param maxFailuresPerClient  failed sign-ins from one address within {@code window} before it is refused
     * @param window                how long failures are remembered
     */
    public record SignIn(@DefaultValue("10") int maxFailuresPerAccount,
                         @DefaultValue("30") int maxFailuresPerClient,
                         @DefaultValue("15m") Duration window) {
    }

    /** @param enabled whether the local issuer's endpoints and key are active */
    public record LocalIssuer(@DefaultValue("true") boolean enabled) {
    }
}
