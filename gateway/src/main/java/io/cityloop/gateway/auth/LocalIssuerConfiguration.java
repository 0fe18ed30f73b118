package io.cityloop.gateway.auth;

import java.util.List;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Wires the local issuer. Its {@link ReactiveJwtDecoder} checks tokens against the in-process public key, which
 * also makes Spring Boot skip its own decoder built from a JWK set URI (that would point at this very gateway).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnLocalIssuer
class LocalIssuerConfiguration {

    @Bean
    RSAKey tokenSigningKey(AuthProperties auth) {
        return SigningKeys.load(auth.keyFile());
    }

    @Bean
    AccountDirectory accountDirectory(AuthProperties auth) {
        return AccountDirectory.fromYaml(auth.accounts());
    }

    @Bean
    DemoLogin demoLogin(AccountDirectory accounts, AuthProperties auth) {
        return new DemoLogin(accounts, auth.demoPassword());
    }

    @Bean
    AccessTokenIssuer accessTokenIssuer(RSAKey tokenSigningKey, AuthProperties auth, Clock clock) {
        return new AccessTokenIssuer(tokenSigningKey, auth.issuer(), auth.audience(), auth.tokenTtl(), clock);
    }

    @Bean
    SignInThrottle signInThrottle(AuthProperties auth, Clock clock) {
        return new SignInThrottle(auth.signIn().maxFailuresPerAccount(), auth.signIn().maxFailuresPerClient(),
                auth.signIn().window(), clock);
    }

    @Bean
    ReactiveJwtDecoder localJwtDecoder(RSAKey tokenSigningKey, AuthProperties auth) throws JOSEException {
        RSAPublicKey publicKey = tokenSigningKey.toRSAPublicKey();
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(publicKey)
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(
                new JwtIssuerValidator(auth.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.contains(auth.audience())))));
        return decoder;
    }
}
