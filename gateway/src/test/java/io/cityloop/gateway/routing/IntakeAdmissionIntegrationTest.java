package io.cityloop.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.sun.net.httpserver.HttpServer;

/**
 * Admission control of new reports: when as many new reports are in progress as case-intake is given, the next one
 * is refused at once with 503 and Retry-After — and the staff's work on cases already in the loop still passes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeAdmissionIntegrationTest {

    private static final CountDownLatch RELEASE = new CountDownLatch(1);
    private static final AtomicInteger REPORTS_IN_PROGRESS = new AtomicInteger();
    private static final HttpServer CASE_INTAKE = slowIntake();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void routeToTheStub(DynamicPropertyRegistry registry) {
        registry.add("CASE_INTAKE_URI", () -> "http://127.0.0.1:" + CASE_INTAKE.getAddress().getPort());
        registry.add("CITYLOOP_INTAKE_MAX_CONCURRENT", () -> "2");
    }

    @AfterAll
    static void stop() {
        RELEASE.countDown();
        CASE_INTAKE.stop(0);
    }

    @Test
    void theReportBeyondCapacityIsRefusedAtOnceWhileTheStaffsWorkGoesOn() throws Exception {
        String inspector = token("inspector");
        List<CompletableFuture<HttpResponse<String>>> taken = List.of(report(inspector, "k-0001-admission"),
                report(inspector, "k-0002-admission"));
        await().atMost(Duration.ofSeconds(20)).until(() -> REPORTS_IN_PROGRESS.get() == 2);

        HttpResponse<String> refused = report(inspector, "k-0003-admission").get(20, TimeUnit.SECONDS);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("Idempotency-Key");

        HttpResponse<String> filing = HTTP.send(HttpRequest.newBuilder(gateway("/api/cases/CL20261203000001/filing"))
                .header("Authorization", "Bearer " + token("operator")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"decision\":\"FILE\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(filing.statusCode()).as("the staff's route is not held up by new reports").isEqualTo(200);

        RELEASE.countDown();
        for (CompletableFuture<HttpResponse<String>> each : taken) {
            assertThat(each.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        }
    }

    private CompletableFuture<HttpResponse<String>> report(String token, String key) {
        return HTTP.sendAsync(HttpRequest.newBuilder(gateway("/api/cases"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"categoryCode\":\"02-01-01\",\"description\":\"人民路暴露垃圾\","
                        + "\"location\":{\"lon\":108.7012,\"lat\":34.3405}}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI gateway(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private String token(String username) {
        Map<?, ?> answer = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", "cityloop"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (String) answer.get("access_token");
    }

    /** A case-intake that holds every new report until released, and answers everything else at once. */
    private static HttpServer slowIntake() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.createContext("/api/cases", exchange -> {
                boolean newReport = "POST".equals(exchange.getRequestMethod())
                        && "/api/cases".equals(exchange.getRequestURI().getPath());
                exchange.getRequestBody().readAllBytes();
                if (newReport) {
                    REPORTS_IN_PROGRESS.incrementAndGet();
                    try {
                        RELEASE.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] body = "{\"id\":\"CL20261203000001\",\"status\":\"REPORTED\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(newReport ? 201 : 200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
