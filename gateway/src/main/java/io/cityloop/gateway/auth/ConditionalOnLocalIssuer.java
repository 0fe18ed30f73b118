package io.cityloop.gateway.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Marks what exists only while the gateway is its own token issuer ({@code cityloop.auth.local-issuer.enabled},
 * on unless switched off), so that with a real identity provider no demo login or local key is left reachable.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(prefix = "cityloop.auth.local-issuer", name = "enabled", havingValue = "true",
        matchIfMissing = true)
public @interface ConditionalOnLocalIssuer {
}
