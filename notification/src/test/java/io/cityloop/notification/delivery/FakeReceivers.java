package io.cityloop.notification.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * One local HTTP server playing 企业微信's and 钉钉's robots, Alibaba Cloud's SMS API and webhook receivers. Each
 * checks what the real one checks — the robot key, DingTalk's signed timestamp, Alibaba Cloud's signature V1, the
 * webhook's HMAC — with its own code, not the service's, and answers as the real one does. Webhook paths: {@code ok},
 * {@code flaky} (500 while {@link #flakyFailing}), {@code gone} (410), {@code dead} (always 500), any other path 200.
 */
final class FakeReceivers implements AutoCloseable {

    static final String WECOM_KEY = "robot-key-0016";
    static final String DINGTALK_TOKEN = "dingtalk-token-0016";
    static final String DINGTALK_SECRET = "SEC-dingtalk-secret-0016";
    static final String WEBHOOK_SECRET = "webhook-secret-0123456789";
    static final String ALIYUN_KEY_ID = "LTAI-test-key";
    static final String ALIYUN_KEY_SECRET = "aliyun-test-secret";

    /** What a receiver accepted: the body (or form) and the deduplication key where the channel carries one. */
    record Received(String path, String dedupKey, String body, Map<String, String> form) {
    }

    final List<Received> wecom = new CopyOnWriteArrayList<>();
    final List<Received> dingtalk = new CopyOnWriteArrayList<>();
    final List<Received> sms = new CopyOnWriteArrayList<>();
    final Map<String, List<Received>> webhooks = new ConcurrentHashMap<>();
    final List<String> signatureFailures = new CopyOnWriteArrayList<>();
    final AtomicBoolean flakyFailing = new AtomicBoolean(true);

    private final HttpServer server;

    FakeReceivers() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/wecom/send", this::wecom);
        server.createContext("/dingtalk/robot/send", this::dingtalk);
        server.createContext("/sms", this::sms);
        server.createContext("/hook/", this::webhook);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> webhook(String name) {
        return webhooks.getOrDefault(name, List.of());
    }

    private void wecom(HttpExchange exchange) throws IOException {
        String body = body(exchange);
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (!WECOM_KEY.equals(query.get("key"))) {
            answer(exchange, 200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}");
            return;
        }
        if (!body.contains("\"msgtype\":\"markdown\"")) {
            answer(exchange, 200, "{\"errcode\":40008,\"errmsg\":\"invalid message type\"}");
            return;
        }
        wecom.add(new Received("/wecom/send", null, body, query));
        answer(exchange, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    private void dingtalk(HttpExchange exchange) throws IOException {
        String body = body(exchange);
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        long timestamp = Long.parseLong(query.getOrDefault("timestamp", "0"));
        String expected = Base64.getEncoder().encodeToString(
                hmac("HmacSHA256", DINGTALK_SECRET, timestamp + "\n" + DINGTALK_SECRET));
        boolean fresh = Math.abs(System.currentTimeMillis() - timestamp) < 3_600_000;
        if (!DINGTALK_TOKEN.equals(query.get("access_token")) || !fresh || !expected.equals(query.get("sign"))) {
            signatureFailures.add("dingtalk " + exchange.getRequestURI());
            answer(exchange, 200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
            return;
        }
        dingtalk.add(new Received("/dingtalk/robot/send", null, body, query));
        answer(exchange, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    private void sms(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(body(exchange));
        String signature = form.remove("Signature");
        String canonical = new TreeMap<>(form).entrySet().stream()
                .map(e -> aliyunEncode(e.getKey()) + "=" + aliyunEncode(e.getValue()))
                .collect(Collectors.joining("&"));
        String toSign = "POST&%2F&" + aliyunEncode(canonical);
        String expected = Base64.getEncoder().encodeToString(hmac("HmacSHA1", ALIYUN_KEY_SECRET + "&", toSign));
        if (!expected.equals(signature) || !ALIYUN_KEY_ID.equals(form.get("AccessKeyId"))
                || !"SendSms".equals(form.get("Action")) || !"2017-05-25".equals(form.get("Version"))) {
            signatureFailures.add("sms " + form);
            answer(exchange, 400, "{\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"Specified signature is not matched\"}");
            return;
        }
        sms.add(new Received("/sms", form.get("OutId"), form.get("TemplateParam"), form));
        answer(exchange, 200, "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"900619746936498440^0\",\"RequestId\":\"F655A8D5\"}");
    }

    private void webhook(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/hook/".length());
        String body = body(exchange);
        String timestamp = exchange.getRequestHeaders().getFirst("X-CityLoop-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("X-CityLoop-Signature");
        String dedupKey = exchange.getRequestHeaders().getFirst("X-CityLoop-Delivery");
        String expected = "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", WEBHOOK_SECRET, timestamp + "." + body));
        boolean fresh = timestamp != null && Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) < 300;
        if (!fresh || signature == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8))) {
            signatureFailures.add("webhook " + name);
            answer(exchange, 401, "bad signature");
            return;
        }
        int status = switch (name) {
            case "flaky" -> flakyFailing.get() ? 500 : 200;
            case "gone" -> 410;
            case "dead" -> 500;
            default -> 200;
        };
        if (status == 200) {
            webhooks.computeIfAbsent(name, key -> Collections.synchronizedList(new ArrayList<>()))
                    .add(new Received("/hook/" + name, dedupKey, body, Map.of()));
        }
        answer(exchange, status, status == 200 ? "{\"ok\":true}" : "");
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String aliyunEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static byte[] hmac(String algorithm, String key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
