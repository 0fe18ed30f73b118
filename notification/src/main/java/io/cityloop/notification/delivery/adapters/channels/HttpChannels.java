package io.cityloop.notification.delivery.adapters.channels;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.cityloop.notification.delivery.application.DeliveryProperties;
import io.cityloop.notification.delivery.model.Delivery;
import io.cityloop.notification.delivery.model.DeliveryItem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP client every HTTP channel shares (connect and request timeouts from {@code cityloop.delivery.http}). */
@Component
class HttpChannels {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final DeliveryProperties properties;

    HttpChannels(DeliveryProperties properties) {
        this.properties = properties;
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.getHttp().getConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    HttpResponse<String> post(String url, String contentType, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(properties.getHttp().getRequestTimeout())
                .header("Content-Type", contentType)
                .header("User-Agent", "CityLoop-Notification/1")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (RuntimeException notJson) {
            return JSON.createObjectNode();
        }
    }

    /** The URL without its query (which may hold a robot's key) and a short hash of the whole URL. */
    static String endpointKey(String url) {
        URI uri = URI.create(url);
        String visible = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getPath() == null ? "" : uri.getPath());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return visible + "#" + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The notices of a delivery as a receiver's JSON reads them. */
    static List<Map<String, Object>> items(Delivery delivery) {
        return delivery.items().stream().map(HttpChannels::item).toList();
    }

    private static Map<String, Object> item(DeliveryItem item) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("notificationId", item.notificationId());
        map.put("kind", item.kind());
        map.put("caseId", item.caseId());
        map.put("taskId", item.taskId());
        map.put("unitId", item.unitId());
        map.put("title", item.title());
        map.put("message", item.message());
        map.put("at", item.at() == null ? null : item.at().toString());
        return map;
    }
}
