package io.cityloop.bench.drill;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

import io.cityloop.launcher.GatewayClient;

/**
 * Bad input (恶意/错误输入) at every public endpoint through the gateway: malformed JSON, wrong types, huge bodies,
 * deep nesting, unicode edge cases, Mongo operator injection, path traversal, forged/unsigned/tampered JWTs,
 * wrong-role and cross-department access. Each answer must be a 4xx problem+json without a stack trace, and the
 * topic must not grow: nothing changed.
 */
public final class BadInputDrill {

    private record Probe(String name, String method, String path, String token, String body,
                         Map<String, String> headers) {
    }

    /**
     * Marks a refusal that was safe (4xx, nothing changed, no internals) but not a problem+json: a finding against
     * "every refusal a problem+json", kept apart from the findings that would mean harm.
     */
    public static final String FORMAT = "[format] ";

    private final String gateway;
    private final GatewayClient client;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public BadInputDrill(String gateway, GatewayClient client) {
        this.gateway = gateway;
        this.client = client;
    }

    /**
     * @param caseId    a filed case dispatched to {@code unit}
     * @param taskId    its task, not yet accepted
     * @param topicSize the number of records on the case-events topic, to prove nothing was published
     */
    public Verdict run(String caseId, String taskId, String unit, LongSupplier topicSize) {
        long before = topicSize.getAsLong();
        List<String> findings = new ArrayList<>();
        int probes = 0;
        for (Probe probe : probes(caseId, taskId, unit)) {
            probes++;
            String problem = judge(probe);
            if (problem != null) {
                findings.add(probe.name() + ": " + problem);
            }
        }
        LedgerCheck.pause(Duration.ofSeconds(3));
        long after = topicSize.getAsLong();
        if (after != before) {
            findings.add("the case-events topic grew from " + before + " to " + after + " records");
        }
        boolean passed = findings.isEmpty();
        findings.add(0, probes + " probes sent");
        return new Verdict("bad input at every public endpoint", passed, 0, 0, 0, findings);
    }

    private String judge(Probe probe) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + probe.path()))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json, application/problem+json");
        if (probe.token() != null) {
            request.header("Authorization", "Bearer " + probe.token());
        }
        probe.headers().forEach(request::header);
        if (probe.body() == null) {
            request.method(probe.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(probe.method(),
                    HttpRequest.BodyPublishers.ofByteArray(probe.body().getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return "no answer (" + e.getClass().getSimpleName() + ")";
        }
        int status = answer.statusCode();
        String body = answer.body();
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
            return "answered " + status + " " + abbreviate(body);
        }
        if (status < 400) {
            return "accepted with " + status + " " + abbreviate(body);
        }
        if (!type.startsWith("application/problem+json")) {
            return FORMAT + status + " but Content-Type '" + type + "' " + abbreviate(body);
        }
        if (body.contains("Exception") || body.contains("\tat ") || body.contains("at io.cityloop")
                || body.contains("org.springframework")) {
            return status + " with internals in the answer " + abbreviate(body);
        }
        return null;
    }

    private List<Probe> probes(String caseId, String taskId, String unit) {
        String inspector = client.token("inspector");
        String operator = client.token("operator");
        String supervisor = client.token("supervisor");
        String otherDepartment = unit.equals("dept-01") ? client.token("dept-02") : client.token("dept-01");
        List<Probe> probes = new ArrayList<>();
        String goodReport = "{\"categoryCode\":\"02-01-01\",\"description\":\"暴露垃圾\",\"location\":{\"lon\":108.70,\"lat\":34.34}}";
        // malformed and wrongly typed JSON
        probes.add(post("malformed JSON report", "/api/cases", inspector, "{\"categoryCode\":\"02-01-01\",", key()));
        probes.add(post("not JSON at all", "/api/cases", inspector, "categoryCode=02-01-01", key()));
        probes.add(post("wrong types", "/api/cases", inspector,
                "{\"categoryCode\":20101,\"description\":[1,2],\"location\":{\"lon\":\"东经\",\"lat\":true}}", key()));
        probes.add(post("array instead of object", "/api/cases", inspector, "[" + goodReport + "]", key()));
        probes.add(post("missing Idempotency-Key", "/api/cases", inspector, "{\"categoryCode\":\"02-01-01\"}", Map.of()));
        probes.add(post("filing decision of wrong type", "/api/cases/" + caseId + "/filing", operator,
                "{\"decision\":42,\"reasonCode\":{}}", Map.of()));
        probes.add(post("verification result unknown", "/api/cases/" + caseId + "/verification", inspector,
                "{\"result\":\"MAYBE\"}", Map.of()));
        probes.add(post("feedback body malformed", "/api/tasks/" + taskId + "/feedback", client.token(unit),
                "{\"note\":", Map.of()));
        // size and nesting
        probes.add(post("huge body (6 MB)", "/api/cases", inspector,
                "{\"categoryCode\":\"02-01-01\",\"description\":\"" + "垃".repeat(2_000_000) + "\"}", key()));
        probes.add(post("deep nesting (20000 levels)", "/api/cases", inspector,
                "{\"location\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}", key()));
        probes.add(post("huge note in feedback", "/api/tasks/" + taskId + "/feedback", client.token(unit),
                "{\"note\":\"" + "x".repeat(3_000_000) + "\"}", Map.of()));
        // unicode edge cases
        probes.add(post("lone surrogate escape", "/api/cases", inspector,
                "{\"categoryCode\":\"\\ud800\",\"description\":\"\\udfff\",\"location\":{\"lon\":108.7,\"lat\":34.34}}", key()));
        probes.add(post("zero-width and RTL in category code", "/api/cases", inspector,
                "{\"categoryCode\":\"02-01-01\u200b\u202e\",\"description\":\"垃圾\",\"location\":{\"lon\":108.7,\"lat\":34.34}}", key()));
        probes.add(post("NUL in category code", "/api/cases", inspector,
                "{\"categoryCode\":\"02-01-01\\u0000\",\"description\":\"垃圾\",\"location\":{\"lon\":108.7,\"lat\":34.34}}", key()));
        // Mongo operator injection
        probes.add(post("operator object as category", "/api/cases", inspector,
                "{\"categoryCode\":{\"$ne\":null},\"description\":\"x\",\"location\":{\"lon\":108.7,\"lat\":34.34}}", key()));
        probes.add(get("operator in case id", "/api/cases/%7B%22%24gt%22%3A%22%22%7D", supervisor));
        probes.add(get("operator in status filter", "/api/cases?status=%7B%22%24ne%22%3Anull%7D", operator));
        probes.add(get("$where in task id", "/api/tasks/%24where", supervisor));
        probes.add(post("operator in idempotency key", "/api/cases", inspector, "{\"categoryCode\":{\"$gt\":\"\"}}",
                Map.of("Idempotency-Key", "{\"$ne\":null}")));
        // path traversal
        probes.add(get("traversal in case id", "/api/cases/..%2F..%2F..%2Fetc%2Fpasswd", supervisor));
        probes.add(get("traversal to actuator", "/api/cases/%2e%2e/%2e%2e/actuator/env", supervisor));
        probes.add(post("traversal in photo file name", "/api/tasks/" + taskId + "/feedback", client.token(unit),
                "{\"note\":\"已处理\",\"photoRef\":\"../../../../etc/passwd\"}", Map.of()));
        // tokens
        probes.add(new Probe("no token", "GET", "/api/tasks", null, null, Map.of()));
        probes.add(new Probe("unsigned JWT (alg none)", "GET", "/api/tasks", unsigned(inspector), null, Map.of()));
        probes.add(new Probe("JWT signed with another key", "GET", "/api/tasks", forged(inspector), null, Map.of()));
        probes.add(new Probe("expired JWT (exp set in the past)", "GET", "/api/tasks", expired(inspector), null, Map.of()));
        probes.add(new Probe("garbage token", "GET", "/api/tasks", "not.a.jwt", null, Map.of()));
        probes.add(new Probe("role raised in token payload", "POST", "/api/cases/" + caseId + "/filing",
                withRoles(inspector), "{\"decision\":\"REJECT\",\"reasonCode\":\"CRITERION_NOT_MET\"}", Map.of()));
        // wrong role, other department
        probes.add(post("inspector files a case", "/api/cases/" + caseId + "/filing", inspector,
                "{\"decision\":\"REJECT\",\"reasonCode\":\"CRITERION_NOT_MET\"}", Map.of()));
        probes.add(post("operator verifies", "/api/cases/" + caseId + "/verification", operator,
                "{\"result\":\"PASS\"}", Map.of()));
        probes.add(post("other department accepts", "/api/tasks/" + taskId + "/accept", otherDepartment, null, Map.of()));
        probes.add(post("other department feeds back", "/api/tasks/" + taskId + "/feedback", otherDepartment,
                "{\"note\":\"不是我们的\"}", Map.of()));
        probes.add(get("other department reads the case", "/api/cases/" + caseId, otherDepartment));
        probes.add(get("other department reads the task", "/api/tasks/" + taskId, otherDepartment));
        probes.add(get("department asks for another unit's tasks", "/api/tasks?unit=" + unit, otherDepartment));
        probes.add(get("inspector reads scorecards", "/api/scorecards/2026-11/departments", inspector));
        probes.add(get("bad month", "/api/scorecards/2026-13/districts", supervisor));
        probes.add(post("wrong password", "/api/auth/token", null,
                "{\"username\":\"operator\",\"password\":\"' OR '1'='1\"}", Map.of()));
        probes.add(post("token request with operator injection", "/api/auth/token", null,
                "{\"username\":{\"$ne\":null},\"password\":{\"$ne\":null}}", Map.of()));
        return probes;
    }

    private static Map<String, String> key() {
        return Map.of("Idempotency-Key", UUID.randomUUID().toString());
    }

    private static Probe post(String name, String path, String token, String body, Map<String, String> headers) {
        return new Probe(name, "POST", path, token, body, headers);
    }

    private static Probe get(String name, String path, String token) {
        return new Probe(name, "GET", path, token, null, Map.of());
    }

    private static String unsigned(String token) {
        String[] parts = token.split("\\.");
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    }

    private static String forged(String token) {
        String[] parts = token.split("\\.");
        byte[] signature = new byte[256];
        new java.util.Random(7).nextBytes(signature);
        return parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private static String expired(String token) {
        return withPayload(token, payload -> payload.replaceAll("\"exp\":\\d+", "\"exp\":1000000000"));
    }

    private static String withRoles(String token) {
        return withPayload(token, payload -> payload.replaceAll("\"roles\":\\[[^]]*]", "\"roles\":[\"operator\",\"admin\"]"));
    }

    private static String withPayload(String token, java.util.function.UnaryOperator<String> change) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        return parts[0] + "." + encode(change.apply(payload)) + "." + parts[2];
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replace('\n', ' ');
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }

}
