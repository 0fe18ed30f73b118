package io.cityloop.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

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
 * The apps' live push passes the gateway as a stream: events the notification service sends after the downstream
 * timeout (1 s here) still reach the caller, with the caller's token passed on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationStreamRoutingIntegrationTest {

    private static final HttpServer NOTIFICATION = stream();
    private static final AtomicReference<String> AUTHORIZATION = new AtomicReference<>();
    /** Lets the stub send its second event only once the first has crossed the gateway. */
    private static final CountDownLatch FIRST_RECEIVED = new CountDownLatch(1);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void routeToTheStub(DynamicPropertyRegistry registry) {
        registry.add("NOTIFICATION_URI", () -> "http://127.0.0.1:" + NOTIFICATION.getAddress().getPort());
        registry.add("cityloop.gateway.downstream.timeout", () -> "1s");
    }

    @AfterAll
    static void stop() {
        NOTIFICATION.stop(0);
    }

    @Test
    void eventsKeepComingAfterTheDownstreamTimeout() throws Exception {
        String token = token();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/notifications/stream"))
                        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        StringBuilder received = new StringBuilder();
        try (var body = response.body()) {
            byte[] buffer = new byte[256];
            for (int n; (n = body.read(buffer)) > 0; ) {
                received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                if (received.toString().contains("first")) {
                    FIRST_RECEIVED.countDown();
                }
            }
        }
        assertThat(received.toString()).contains("data: {\"kind\":\"first\"}", "data: {\"kind\":\"second\"}");
        assertThat(AUTHORIZATION.get()).isEqualTo("Bearer " + token);
    }

    private String token() {
        Map<?, ?> answer = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "district-610402", "password", "cityloop"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (String) answer.get("access_token");
    }

    /** A notification service that sends one event, waits past the gateway's timeout, sends another and ends. */
    private static HttpServer stream() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/notifications/stream", exchange -> {
                AUTHORIZATION.set(exchange.getRequestHeaders().getFirst("Authorization"));
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write("data: {\"kind\":\"first\"}\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    FIRST_RECEIVED.await(10, TimeUnit.SECONDS);
                    Thread.sleep(1500); // past the gateway's 1 s downstream timeout: what a stream must survive
                    out.write("data: {\"kind\":\"second\"}\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
