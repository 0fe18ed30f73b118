package io.cityloop.intake.casefile.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import io.cityloop.infra.TestInfrastructure;
import io.cityloop.intake.IntakeApplication;
import io.cityloop.intake.casefile.application.CaseFileStore;
import io.cityloop.intake.casefile.application.CaseQuery;
import io.cityloop.intake.support.TestImages;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests the servlet container itself cannot read — a NUL in a multipart file name, a file name longer than a
 * part header may be, malformed percent-encoding, more parameters than it decodes, a form over its size — are
 * refusals, not 500s: problem+json naming the field and the rule, on Open311's paths Open311's error list. MockMvc
 * never runs Tomcat's parsers, so this test runs case-intake on a real port with its own database, and nothing may
 * be stored.
 */
class UnreadableRequestIntegrationTest {

    private static final String DATABASE = "cityloop-intake-unreadable-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String BOUNDARY = "unreadable-request-test";
    private static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String PARAMETER_FLOOD = String.join("&", Collections.nCopies(1100, "a"));

    private static ConfigurableApplicationContext intake;
    private static String base;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    /** A bearer token is the role's name, so the photo upload and the case list can be reached without an issuer. */
    @TestConfiguration(proxyBeanMethods = false)
    static class RoleNamedTokens {

        @Bean
        JwtDecoder roleNamedTokens() {
            return token -> Jwt.withTokenValue(token).header("alg", "none").subject(token)
                    .claim("roles", List.of(token)).issuedAt(Instant.now())
                    .expiresAt(Instant.now().plus(Duration.ofHours(1))).build();
        }
    }

    @BeforeAll
    static void startCaseIntake() {
        TestInfrastructure infra = TestInfrastructure.shared();
        intake = new SpringApplicationBuilder(IntakeApplication.class, RoleNamedTokens.class)
                .run("--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + infra.bootstrapServers(),
                        "--spring.mongodb.uri=" + infra.indexedMongoUri(DATABASE),
                        "--spring.kafka.consumer.group-id=" + DATABASE,
                        // Nothing here is about dispatch's events; only the web edge is under test.
                        "--spring.kafka.listener.auto-startup=false",
                        "--spring.jmx.enabled=false");
        base = "http://localhost:" + intake.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stopCaseIntake() {
        if (intake != null) {
            intake.close();
        }
    }

    @Test
    void aNulInAMultipartFileNameIsABadRequestAtEveryDoor() throws Exception {
        byte[] nulNamed = filePart("photo.jpg\u0000.php", TestImages.jpeg(7));

        HttpResponse<String> report = send("POST", "/api/public/reports", null, MULTIPART, nulNamed);
        assertProblem(report, 400, "body", "multipart");

        HttpResponse<String> open311 = send("POST", "/open311/v2/requests.json", null, MULTIPART, nulNamed);
        assertOpen311(open311, 400, "body");

        HttpResponse<String> photo = send("POST", "/api/cases/CL20261123999999/photos", "inspector", MULTIPART,
                nulNamed);
        assertProblem(photo, 400, "body", "multipart");
        assertThat(storedCases()).isZero();
    }

    @Test
    void aFileNameLongerThanAPartHeaderMayBeIsTooLargeNamingTheFile() throws Exception {
        HttpResponse<String> photo = send("POST", "/api/cases/CL20261123999999/photos", "inspector", MULTIPART,
                filePart("a".repeat(10_000) + ".jpg", TestImages.jpeg(7)));

        assertProblem(photo, 413, "file", "max-size");
    }

    @Test
    void parametersTheContainerWillNotDecodeAreRefusedNotFailed() throws Exception {
        assertOpen311(send("GET", "/open311/v2/requests.json?" + PARAMETER_FLOOD, null, null, null), 400, "query");
        assertOpen311(send("POST", "/open311/v2/requests.json", null, FORM,
                bytes("service_code=02-01-02&lat=34.335&long=108.7&description=%zz")), 400, "body");
        assertOpen311(send("POST", "/open311/v2/requests.json", null, FORM,
                bytes("service_code=02-01-02&lat=34.335&long=108.7&description=%FF%FE")), 400, "body");
        assertOpen311(send("POST", "/open311/v2/requests.json", null, FORM, bytes(PARAMETER_FLOOD)), 400, "body");
        assertOpen311(send("POST", "/open311/v2/requests.json", null, FORM,
                bytes("service_code=02-01-02&lat=34.335&long=108.7&description=" + "x".repeat(3_000_000))), 413,
                "body");
        assertProblem(send("GET", "/api/cases?" + PARAMETER_FLOOD, "operator", null, null), 400, "query",
                "parameters");
        assertThat(storedCases()).isZero();
    }

    private HttpResponse<String> send(String method, String path, String token, String contentType, byte[] body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertProblem(HttpResponse<String> answer, int status, String field, String rule) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode error = json.readTree(answer.body()).path("errors").path(0);
        assertThat(error.path("field").asString()).isEqualTo(field);
        assertThat(error.path("rule").asString()).isEqualTo(rule);
        assertThat(answer.body()).doesNotContain("Exception", "org.apache", "php");
    }

    private void assertOpen311(HttpResponse<String> answer, int status, String field) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode errors = json.readTree(answer.body());
        assertThat(errors.isArray()).isTrue();
        assertThat(errors.path(0).path("code").asInt()).isEqualTo(status);
        assertThat(errors.path(0).path("description").asString()).startsWith(field + ": ");
        assertThat(answer.body()).doesNotContain("Exception", "org.apache");
    }

    private static long storedCases() {
        return intake.getBean(CaseFileStore.class).count(new CaseQuery(Set.of(), null, null, null, null, null, null,
                null, Instant.now(), 0, 1, "reportedAt", false));
    }

    /** One part named {@code file} whose file name is written byte for byte, as a client may send it. */
    private static byte[] filePart(String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName + "\"\r\nContent-Type: image/jpeg\r\n\r\n"));
        out.writeBytes(content);
        out.writeBytes(bytes("\r\n--" + BOUNDARY + "--\r\n"));
        return out.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
