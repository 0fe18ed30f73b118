package io.cityloop.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * The outside probe's findings at the edge: anonymous floods are limited per caller and trip only their own breaker,
 * one user's exports cannot crowd out others, chunked bodies are capped, sign-in is throttled, the services learn
 * who called only with the gateway's secret, and every route is routed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EdgeHardeningIntegrationTest {

    private static final Backend BACKEND = new Backend();

    @LocalServerPort
    int port;

    WebTestClient client;

    @DynamicPropertySource
    static void routeToTheStub(DynamicPropertyRegistry registry) {
        registry.add("CASE_INTAKE_URI", BACKEND::uri);
        registry.add("DISPATCH_URI", BACKEND::uri);
        registry.add("ASSESSMENT_URI", BACKEND::uri);
        registry.add("CITYLOOP_PUBLIC_BURST", () -> "5");
        registry.add("CITYLOOP_PUBLIC_RATE", () -> "0.01");
        registry.add("cityloop.gateway.downstream.min-calls", () -> "5");
        registry.add("cityloop.gateway.downstream.open-for", () -> "60s");
        registry.add("cityloop.gateway.max-request-size", () -> "1MB");
        registry.add("CITYLOOP_MAX_REQUEST_SIZE", () -> "1MB");
        registry.add("cityloop.gateway.max-json-request-size", () -> "64KB");
        registry.add("cityloop.edge.secret", () -> "edge-secret-of-the-test");
        registry.add("cityloop.auth.sign-in.max-failures-per-account", () -> "3");
        // The test's requests come from loopback; X-Forwarded-For then names a different caller for each test.
        registry.add("cityloop.gateway.trusted-proxies", () -> "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
    }

    @AfterAll
    static void stop() {
        BACKEND.stop();
    }

    @BeforeEach
    void connect() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void anAnonymousFloodGets429PerCallerWhileStaffAndOtherCitizensGetThrough() {
        int ok = 0;
        int limited = 0;
        for (int i = 0; i < 12; i++) {
            var result = client.get().uri("/open311/v2/requests.json").header("X-Forwarded-For", "198.51.100.10")
                    .exchange().returnResult(String.class);
            if (result.getStatus().value() == 200) {
                ok++;
            } else if (result.getStatus().value() == 429) {
                limited++;
                assertThat(result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("\\d+");
                assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(result.getResponseBody().blockFirst()).contains("https://cityloop.io/problems/rate-limited");
            }
        }
        assertThat(ok).isEqualTo(5);
        assertThat(limited).isEqualTo(7);

        client.get().uri("/open311/v2/requests.json").header("X-Forwarded-For", "198.51.100.11")
                .exchange().expectStatus().isOk();
        client.get().uri("/api/cases/x").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor("supervisor"))
                .exchange().expectStatus().isOk();
    }

    @Test
    void aFailingPublicRouteOpensItsOwnBreakerNotTheStaffs() {
        // More failures in a row than the sliding window holds: whatever ran before, the breaker on this path opens.
        for (int i = 0; i < 25; i++) {
            client.get().uri("/api/public/reports/broken").header("X-Forwarded-For", "198.51.100." + (100 + i))
                    .exchange().expectStatus().isEqualTo(503);
        }
        String inspector = tokenFor("inspector");
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/cases/x").header(HttpHeaders.AUTHORIZATION, "Bearer " + inspector)
                    .exchange().expectStatus().isOk();
        }
    }

    @Test
    void oneUsersExportsAreBoundedAndDoNotHoldUpAnothers() throws Exception {
        String supervisor = tokenFor("supervisor");
        String dispatcher = tokenFor("dispatcher");
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            held.add(http.sendAsync(export(supervisor), HttpResponse.BodyHandlers.ofString()));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> BACKEND.exportsInFlight.get() == 2);

        HttpResponse<String> third = http.send(export(supervisor), HttpResponse.BodyHandlers.ofString());
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue(HttpHeaders.RETRY_AFTER)).isPresent();
        assertThat(third.body()).contains("https://cityloop.io/problems/rate-limited");
        CompletableFuture<HttpResponse<String>> other = http.sendAsync(export(dispatcher),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(20)).until(() -> BACKEND.exportsInFlight.get() == 3);

        BACKEND.releaseExports.countDown();
        for (CompletableFuture<HttpResponse<String>> answer : held) {
            assertThat(answer.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(other.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        client.get().uri("/api/scorecards/2026-11/departments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + supervisor).exchange().expectStatus().isOk();
    }

    @Test
    void aJsonBodyAboveTheServicesCapIsRefusedAtTheGatewayWhileAPhotoOfThatSizePasses() {
        int before = BACKEND.bodiesReceived.get();
        byte[] hundredKilobytes = new byte[100 * 1024];

        client.post().uri("/api/cases").header("X-Forwarded-For", "198.51.100.21")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(hundredKilobytes)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("body")
                .jsonPath("$.errors[0].rule").isEqualTo("max-size")
                .jsonPath("$.errors[0].message").isEqualTo("must be at most 65536 bytes");
        assertThat(BACKEND.bodiesReceived.get()).as("the oversized JSON never reached the service").isEqualTo(before);

        client.post().uri("/api/cases/CL20261203000001/photos").header("X-Forwarded-For", "198.51.100.21")
                .contentType(MediaType.IMAGE_JPEG).bodyValue(hundredKilobytes)
                .exchange()
                .expectStatus().value(status -> assertThat(status).as("a photo is capped at 12 MB, not 64 KB")
                        .isNotEqualTo(413));
    }

    @Test
    void aChunkedBodyAboveTheLimitIsA413ProblemAndNeverReachesTheService() {
        int before = BACKEND.bodiesReceived.get();
        DefaultDataBufferFactory buffers = new DefaultDataBufferFactory();
        Flux<DataBuffer> body = Flux.range(0, 40).map(i -> buffers.wrap(new byte[64 * 1024]));

        client.post().uri("/api/public/reports").header("X-Forwarded-For", "198.51.100.20")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("body")
                .jsonPath("$.errors[0].rule").isEqualTo("max-size");
        assertThat(BACKEND.bodiesReceived.get()).as("no complete oversized body reached the service")
                .isEqualTo(before);
    }

    @Test
    void aDispatchFromTheQueueIsRouted() {
        client.post().uri("/api/dispatch-queue/XY2026112300001/dispatch")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor("dispatcher"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk();
        assertThat(BACKEND.lastPath.get()).isEqualTo("/api/dispatch-queue/XY2026112300001/dispatch");
    }

    @Test
    void servicesGetTheEdgeSecretAndNeverTheCallersOwn() {
        client.get().uri("/api/cases/x").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor("operator"))
                .header("X-CityLoop-Edge", "forged")
                .exchange().expectStatus().isOk();
        assertThat(BACKEND.lastEdge.get()).isEqualTo("edge-secret-of-the-test");
    }

    @Test
    void repeatedWrongPasswordsAreThrottledPerAccountWith429AndRetryAfter() {
        for (int i = 0; i < 3; i++) {
            signIn("dept-12", "guess", "198.51.100.30").expectStatus().isUnauthorized();
        }
        signIn("dept-12", "guess", "198.51.100.30").expectStatus().isEqualTo(429)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, value -> assertThat(value).matches("\\d+"))
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        signIn("dept-12", "cityloop", "198.51.100.31").expectStatus().isEqualTo(429);
        signIn("dept-13", "cityloop", "198.51.100.30").expectStatus().isOk();
    }

    @Test
    void aNonAsciiIdempotencyKeyIsAValidationProblemNamingTheHeader() throws Exception {
        byte[] request = ("POST /api/public/reports HTTP/1.1\r\nHost: localhost\r\nIdempotency-Key: ")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] key = "幂等键-0001".getBytes(StandardCharsets.UTF_8);
        byte[] rest = ("\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
                .getBytes(StandardCharsets.US_ASCII);
        String answer;
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write(request);
            socket.getOutputStream().write(key);
            socket.getOutputStream().write(rest);
            socket.getOutputStream().flush();
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json",
                "\"field\":\"Idempotency-Key\"", "\"rule\":\"ascii\"");
    }

    @Test
    void aNonAsciiIdempotencyKeyOnAnInspectorsJsonReportIsAValidationProblemToo() throws Exception {
        byte[] body = "{\"categoryCode\":\"02-01-01\",\"description\":\"垃圾\"}".getBytes(StandardCharsets.UTF_8);
        byte[] request = ("POST /api/cases HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer x.y.z\r\n"
                + "Idempotency-Key: ").getBytes(StandardCharsets.US_ASCII);
        byte[] key = "键-0001".getBytes(StandardCharsets.UTF_8);
        byte[] rest = ("\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        String answer;
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().write(key);
            socket.getOutputStream().write(rest);
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(answer).startsWith("HTTP/1.1 400").contains("\"field\":\"Idempotency-Key\"");
    }

    private WebTestClient.ResponseSpec signIn(String username, String password, String from) {
        return client.post().uri("/api/auth/token").header("X-Forwarded-For", from)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange();
    }

    private HttpRequest export(String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/scorecards/2026-11/departments/export?format=xlsx"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
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

    /** Stands in for every service: answers 200, fails on {@code /broken}, holds exports until released. */
    static final class Backend {

        private final HttpServer server;
        final AtomicReference<String> lastPath = new AtomicReference<>();
        final AtomicReference<String> lastEdge = new AtomicReference<>();
        final AtomicInteger exportsInFlight = new AtomicInteger();
        final AtomicInteger bodiesReceived = new AtomicInteger();
        final CountDownLatch releaseExports = new CountDownLatch(1);

        Backend() {
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

        void stop() {
            releaseExports.countDown();
            server.stop(0);
        }

        private void answer(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            lastPath.set(path);
            lastEdge.set(exchange.getRequestHeaders().getFirst("X-CityLoop-Edge"));
            byte[] received = exchange.getRequestBody().readAllBytes();
            if (received.length > 0) {
                bodiesReceived.incrementAndGet();
            }
            if (path.endsWith("/broken")) {
                throw new IOException("the service fails");
            }
            if (path.endsWith("/export")) {
                exportsInFlight.incrementAndGet();
                try {
                    releaseExports.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }
    }
}
