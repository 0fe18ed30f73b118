package io.cityloop.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingIntegrationTest {

    private static final CaseIntakeStub CASE_INTAKE = new CaseIntakeStub();

    @LocalServerPort
    int port;

    WebTestClient client;

    @DynamicPropertySource
    static void routeToTheStubs(DynamicPropertyRegistry registry) {
        registry.add("CASE_INTAKE_URI", CASE_INTAKE::uri);
        registry.add("DISPATCH_URI", () -> "http://127.0.0.1:" + unusedPort());
        registry.add("cityloop.gateway.downstream.timeout", () -> "1s");
    }

    @AfterAll
    static void stopStub() {
        CASE_INTAKE.stop();
    }

    @BeforeEach
    void connect() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void forwardsCaseRequestsWithTheTokenAndTheCorrelationId() {
        String token = tokenFor("operator");

        client.get().uri("/api/cases/x")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("X-Correlation-Id", "report-42")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Correlation-Id", "report-42")
                .expectBody().jsonPath("$.id").isEqualTo("x");

        CaseIntakeStub.Received received = CASE_INTAKE.lastRequest();
        assertThat(received.path()).isEqualTo("/api/cases/x");
        assertThat(received.authorization()).isEqualTo("Bearer " + token);
        assertThat(received.correlationId()).isEqualTo("report-42");
    }

    @Test
    void tellsTheServiceWhoCalledAndIgnoresWhoTheCallerClaimsToBe() {
        client.post().uri("/api/public/reports")
                .header("X-Forwarded-For", "198.51.100.1")
                .header("X-CityLoop-Client", "198.51.100.2")
                .exchange()
                .expectStatus().isOk();

        assertThat(CASE_INTAKE.lastRequest().client()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void createsACorrelationIdWhenTheCallerSendsNone() {
        String returned = client.get().uri("/api/reference/categories")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor("inspector"))
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Correlation-Id");

        assertThat(returned).matches("[0-9a-f-]{36}");
        assertThat(CASE_INTAKE.lastRequest().correlationId()).isEqualTo(returned);
    }

    @Test
    void requestWithoutATokenIsAnUnauthenticatedProblem() {
        client.get().uri("/api/cases/x")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().exists("X-Correlation-Id")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://cityloop.io/problems/unauthenticated")
                .jsonPath("$.instance").isEqualTo("/api/cases/x");
    }

    @Test
    void forgedTokenIsAnUnauthenticatedProblem() {
        client.get().uri("/api/cases/x")
                .header(HttpHeaders.AUTHORIZATION, "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://cityloop.io/problems/unauthenticated");
    }

    @Test
    void theInspectorsReportsToConfirmAreAskedOfCaseIntake() {
        client.get().uri("/api/confirmations?limit=100")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor("inspector"))
                .exchange()
                .expectStatus().isOk();

        assertThat(CASE_INTAKE.lastRequest().path()).isEqualTo("/api/confirmations");
    }

    @Test
    void theWorkingCalendarIsRoutedToTheCommandCenter() {
        client.get().uri("/api/reference/calendar/2026")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor("dispatcher"))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("dispatch"));
    }

    @Test
    void theBusinessClockIsAskedOfTheCommandCenter() {
        client.get().uri("/api/clock")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor("inspector"))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("dispatch"));
    }

    @Test
    void pathTraversalIsRefusedAsAProblem() {
        client.get().uri(java.net.URI.create("http://localhost:" + port + "/api/cases/..%2F..%2Fetc%2Fpasswd"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor("operator"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://cityloop.io/problems/validation");
    }

    @Test
    void citizensReportWithoutAToken() {
        client.post().uri("/api/public/reports")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"categoryCode\":\"02-01-01\"}")
                .exchange()
                .expectStatus().isOk();

        assertThat(CASE_INTAKE.lastRequest().path()).isEqualTo("/api/public/reports");
        assertThat(CASE_INTAKE.lastRequest().authorization()).isNull();
    }

    @Test
    void inspectorMayNotReadScorecards() {
        client.get().uri("/api/scorecards/2026-11/departments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor("inspector"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://cityloop.io/problems/forbidden");
    }

    @Test
    void downServiceIsAnUnavailableProblemNamingIt() {
        client.get().uri("/api/tasks")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor("dept-07"))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://cityloop.io/problems/unavailable")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("dispatch"))
                .jsonPath("$.instance").isEqualTo("/api/tasks");
    }

    @Test
    void slowServiceIsCutOffAfterTheTimeout() {
        client.get().uri("/api/cases/slow")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor("operator"))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("case-intake"));
    }

    @Test
    void servesTheWebAppsAndHealthWithoutAToken() {
        client.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("default-src 'self'", "frame-ancestors 'none'").doesNotContain("http:"))
                .expectBody(String.class).value(html -> assertThat(html).contains("CityLoop", "/app/main.js"));
        client.get().uri("/app/main.js").exchange().expectStatus().isOk();
        client.get().uri("/webjars/vue/3.5.26/dist/vue.global.prod.js").exchange().expectStatus().isOk();
        client.get().uri("/webjars/leaflet/1.9.4/dist/leaflet.js").exchange().expectStatus().isOk();
        client.get().uri("/fonts/cityloop-sans-sc.woff2").exchange().expectStatus().isOk();
        client.get().uri("/favicon.ico").exchange().expectStatus().isOk();
        client.get().uri("/manifest.webmanifest").exchange().expectStatus().isOk();
        client.get().uri("/sw.js").exchange().expectStatus().isOk();
        client.get().uri("/app-config.json").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.tiles").doesNotExist();
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }

    @Test
    void internalFallbackIsNotReachableFromOutside() {
        client.get().uri("/fallback/dispatch")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor("admin"))
                .exchange()
                .expectStatus().isForbidden();
    }

    private String tokenFor(String username) {
        Map<?, ?> answer = client.post().uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", "cityloop"))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) answer.get("access_token");
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stands in for case-intake: answers every path with a small case and remembers what reached it. */
    static final class CaseIntakeStub {

        record Received(String path, String authorization, String correlationId, String client) {
        }

        private final HttpServer server;
        private final AtomicReference<Received> last = new AtomicReference<>();

        CaseIntakeStub() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", this::answer);
            server.start();
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        Received lastRequest() {
            return last.get();
        }

        void stop() {
            server.stop(0);
        }

        private void answer(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            last.set(new Received(path, exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Correlation-Id"),
                    exchange.getRequestHeaders().getFirst("X-CityLoop-Client")));
            if (path.endsWith("/slow")) {
                pause();
            }
            byte[] body = ("{\"id\":\"" + path.substring(path.lastIndexOf('/') + 1) + "\",\"status\":\"REPORTED\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }

        private static void pause() {
            try {
                TimeUnit.SECONDS.sleep(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
