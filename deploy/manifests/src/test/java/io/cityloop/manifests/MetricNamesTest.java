package io.cityloop.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The dashboards' and the rules' queries name only metrics the services expose (deploy/observability/metrics/
 * exposed-metrics.txt, which ExposedMetricsListTest keeps true) or recording rules defined in recording-rules.yml.
 */
class MetricNamesTest {

    @Test
    void lexerFindsTheMetricNames() {
        assertThat(PromQl.metricNames("sum by (job) (rate(http_server_requests_seconds_count{job=~\"$job\",status=~\"5..\"}[5m])) / clamp_min(x:y:z, 1e-9) offset 1h"))
                .containsExactly("http_server_requests_seconds_count", "x:y:z");
    }

    @Test
    void dashboardsNameExposedMetrics() throws Exception {
        Map<String, Set<String>> exposed = Repo.exposedMetrics();
        Map<String, String> recorded = recordingRules();
        List<String> unknown = new ArrayList<>();
        int queries = 0;
        try (Stream<Path> files = Files.list(Repo.path("deploy/observability/grafana/dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode dashboard = Repo.JSON.readTree(file.toFile());
                for (JsonNode panel : dashboard.path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        queries++;
                        for (String name : PromQl.metricNames(target.path("expr").asText())) {
                            if (!exposed.containsKey(name) && !recorded.containsKey(name)) {
                                unknown.add(file.getFileName() + " / " + panel.path("title").asText() + ": " + name);
                            }
                        }
                    }
                }
                assertThat(dashboard.path("uid").asText()).isNotBlank();
            }
        }
        assertThat(queries).isGreaterThan(20);
        assertThat(unknown).as("metric names no service exposes").isEmpty();
    }

    @Test
    void rulesNameExposedMetrics() throws Exception {
        Map<String, Set<String>> exposed = Repo.exposedMetrics();
        Map<String, String> recorded = recordingRules();
        List<String> unknown = new ArrayList<>();
        for (String file : List.of("recording-rules.yml", "alert-rules.yml")) {
            for (JsonNode group : Repo.yaml("deploy/observability/prometheus/" + file).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    for (String name : PromQl.metricNames(rule.path("expr").asText())) {
                        if (!exposed.containsKey(name) && !recorded.containsKey(name)) {
                            unknown.add(file + " / " + rule.path("alert").asText(rule.path("record").asText())
                                    + ": " + name);
                        }
                    }
                }
            }
        }
        assertThat(unknown).as("metric names no service exposes").isEmpty();
    }

    private static Map<String, String> recordingRules() throws Exception {
        Map<String, String> rules = new HashMap<>();
        for (JsonNode group : Repo.yaml("deploy/observability/prometheus/recording-rules.yml").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                rules.put(rule.path("record").asText(), rule.path("expr").asText());
            }
        }
        return rules;
    }
}
