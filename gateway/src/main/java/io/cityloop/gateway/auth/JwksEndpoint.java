package io.cityloop.gateway.auth;

import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the issuer's public key so every service can validate tokens itself instead of trusting the network. */
@RestController
@ConditionalOnLocalIssuer
class JwksEndpoint {

    private final Map<String, Object> publicKeys;

    JwksEndpoint(RSAKey tokenSigningKey) {
        this.publicKeys = new JWKSet(tokenSigningKey.toPublicJWK()).toJSONObject(true);
    }

    @GetMapping(path = "/oauth2/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> keys() {
        return publicKeys;
    }
}
