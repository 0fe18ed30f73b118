package io.cityloop.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TokenIssuerIntegrationTest {

    private static final Path KEY_FILE = temporaryDirectory().resolve("signing-key.json");

    @LocalServerPort
    int port;

    WebTestClient client;

    @DynamicPropertySource
    static void keepTheKeyInATemporaryFile(DynamicPropertyRegistry registry) {
        registry.add("cityloop.auth.key-file", KEY_FILE::toString);
    }

    @BeforeEach
    void connect() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void issuesATokenForADepartmentThatVerifiesAgainstThePublishedKey() throws Exception {
        Map<?, ?> answer = client.post().uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "dept-07", "password", "cityloop"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(CacheControl.noStore())
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(answer.get("token_type")).isEqualTo("Bearer");
        assertThat(answer.get("expires_in")).isEqualTo(28800);

        String jwks = client.get().uri("/oauth2/jwks").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        RSAKey publicKey = JWKSet.parse(jwks).getKeys().get(0).toRSAKey();
        SignedJWT token = SignedJWT.parse((String) answer.get("access_token"));

        assertThat(publicKey.isPrivate()).as("the JWK set must not leak the private key").isFalse();
        assertThat(token.getHeader().getKeyID()).isEqualTo(publicKey.getKeyID());
        assertThat(token.verify(new RSASSAVerifier(publicKey))).isTrue();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("dept-07");
        assertThat(claims.getStringClaim("name")).isEqualTo("市水利局");
        assertThat(claims.getStringListClaim("roles")).containsExactly("department");
        assertThat(claims.getStringClaim("unit")).isEqualTo("dept-07");
        assertThat(claims.getClaim("district")).isNull();
        assertThat(claims.getIssuer()).isEqualTo("http://localhost:8080");
        assertThat(claims.getAudience()).containsExactly("cityloop");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(8));
    }

    @Test
    void keepsTheSigningKeyInTheConfiguredFile() throws Exception {
        String jwks = client.get().uri("/oauth2/jwks").exchange()
                .expectBody(String.class).returnResult().getResponseBody();

        RSAKey stored = RSAKey.parse(Files.readString(KEY_FILE));
        assertThat(JWKSet.parse(jwks).getKeys().get(0).getKeyID()).isEqualTo(stored.getKeyID());
    }

    @Test
    void districtTokensCarryTheDistrictCode() throws Exception {
        Map<?, ?> answer = client.post().uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "district-610402", "password", "cityloop"))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        JWTClaimsSet claims = SignedJWT.parse((String) answer.get("access_token")).getJWTClaimsSet();
        assertThat(claims.getStringClaim("district")).isEqualTo("610402");
        assertThat(claims.getStringClaim("unit")).isEqualTo("district-610402");
    }

    @Test
    void wrongPasswordIsAnUnauthenticatedProblem() {
        client.post().uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "dept-07", "password", "guess"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://cityloop.io/problems/unauthenticated")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.instance").isEqualTo("/api/auth/token")
                .jsonPath("$.access_token").doesNotExist();
    }

    @Test
    void missingUsernameIsAValidationProblemNamingTheField() {
        client.post().uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", "cityloop"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://cityloop.io/problems/validation")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("username"))
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("username")
                .jsonPath("$.errors[0].rule").isEqualTo("required");
    }

    @Test
    void aBodyThatIsNotJsonIsAValidationProblem() {
        client.post().uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{not json")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://cityloop.io/problems/validation");
    }

    @Test
    void aTokenSignedWithTheRealKeyButForeignIssuerOrNoAudienceIsRefused() throws Exception {
        client.get().uri("/oauth2/jwks").exchange().expectStatus().isOk();
        RSAKey key = RSAKey.parse(Files.readString(KEY_FILE));
        java.time.Instant now = java.time.Instant.now();

        for (JWTClaimsSet.Builder claims : java.util.List.of(
                new JWTClaimsSet.Builder().issuer("https://evil.example").audience("cityloop"),
                new JWTClaimsSet.Builder().issuer("http://localhost:8080"),
                new JWTClaimsSet.Builder().issuer("http://localhost:8080").audience("payroll"))) {
            SignedJWT token = new SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256)
                    .keyID(key.getKeyID()).build(), claims.subject("admin")
                    .claim("roles", java.util.List.of("admin"))
                    .issueTime(java.util.Date.from(now))
                    .expirationTime(java.util.Date.from(now.plusSeconds(600))).build());
            token.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));

            client.get().uri("/api/cases/x").header("Authorization", "Bearer " + token.serialize())
                    .exchange().expectStatus().isUnauthorized();
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("cityloop-gateway-keys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
