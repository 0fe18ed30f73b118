package io.cityloop.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** Talks to CityLoop the way a user's client does: through the gateway, with a token per demo account. */
public final class GatewayClient {

    public static final String DEMO_PASSWORD = "cityloop";

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> tokens = new HashMap<>();

    public GatewayClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A response with its problem+json or JSON body already parsed. */
    public record Response(int status, JsonNode body, String contentType) {

        public JsonNode path(String field) {
            return body.path(field);
        }
    }

    /** Asks the gateway for a token with the demo password, every time (no cache): the login itself. */
    public Response login(String username) {
        return send("POST", "/api/auth/token", null, Map.of("username", username, "password", DEMO_PASSWORD),
                Map.of());
    }

    public String token(String username) {
        return tokens.computeIfAbsent(username, user -> {
            Response response = login(user);
            if (response.status() != 200) {
                throw new IllegalStateException("cannot log in as " + user + ": " + response.status() + " "
                        + response.body());
            }
            return response.path("access_token").asString();
        });
    }

    public Response get(String user, String path) {
        return send("GET", path, token(user), null, Map.of());
    }

    public Response post(String user, String path, Object body) {
        return send("POST", path, token(user), body, Map.of());
    }

    public Response post(String user, String path, Object body, Map<String, String> headers) {
        return send("POST", path, token(user), body, headers);
    }

    /** Polls a read until its answer satisfies the condition: the loop is asynchronous between services. */
    public Response awaitGet(String user, String path, Predicate<Response> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Response last = get(user, path);
        while (!condition.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("GET " + path + " did not reach the expected state within "
                        + timeout + "; last answer " + last.status() + " " + last.body());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = get(user, path);
        }
        return last;
    }

    public Response send(String method, String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = response.body().isBlank() ? MissingNode.getInstance() : json.readTree(response.body());
            return new Response(response.statusCode(), parsed,
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
