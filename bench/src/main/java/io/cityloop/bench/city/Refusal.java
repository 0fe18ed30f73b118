package io.cityloop.bench.city;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A submission that did not get its 201, with what the gateway said: the HTTP status and, from the problem+json
 * body, the fields and rules it names ({@code 400 location/inside-city}) or the problem's type. The reason is what
 * the summary counts refusals by; the detail is kept for reading one example.
 *
 * @param status 0 when no answer came (connection refused, timeout)
 */
public record Refusal(Report report, int status, String reason, String detail) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int DETAIL_LIMIT = 400;

    public static Refusal of(Report report, int status, String body) {
        if (status == 0) {
            return new Refusal(report, 0, "no answer", "");
        }
        String detail = body == null ? "" : body.length() > DETAIL_LIMIT ? body.substring(0, DETAIL_LIMIT) : body;
        return new Refusal(report, status, status + " " + reasonIn(body), detail);
    }

    private static String reasonIn(String body) {
        if (body == null || body.isBlank()) {
            return "(no body)";
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (RuntimeException e) {
            return "(not JSON)";
        }
        List<String> rules = new ArrayList<>();
        for (JsonNode error : problem.path("errors")) {
            rules.add(error.path("field").asString("?") + "/" + error.path("rule").asString("?"));
        }
        if (!rules.isEmpty()) {
            return String.join(", ", rules);
        }
        String type = problem.path("type").asString("");
        if (!type.isEmpty()) {
            return type.substring(type.lastIndexOf('/') + 1);
        }
        return problem.path("title").asString("(no problem type)");
    }
}
