package io.cityloop.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Keeps deploy/observability/metrics/exposed-metrics.txt true against the code, cheaply (no service started): every
 * cityloop_* metric listed for a service is named in that service's or the platform's main code (Micrometer's
 * Prometheus names: dots become underscores, counters end in _total), and every cityloop metric name in the code is
 * listed. Library metrics (http_server_*, kafka_*, mongodb_*, resilience4j_*, jvm_*) come from the live scrape
 * recorded in the file; a new scrape replaces those lines (deploy/observability/README.md).
 */
class ExposedMetricsListTest {

    private static final Pattern NAME = Pattern.compile("\"(cityloop[._][a-z0-9_.]+)\"");

    @Test
    void everyListedCityloopMetricIsNamedInTheCode() throws Exception {
        Map<String, Set<String>> code = metricNamesInCode();
        List<String> missing = new ArrayList<>();
        Repo.exposedMetrics().forEach((metric, services) -> {
            if (!metric.startsWith("cityloop_")) {
                return;
            }
            for (String service : services) {
                Set<String> names = new HashSet<>(code.getOrDefault(service, Set.of()));
                names.addAll(code.getOrDefault("platform", Set.of()));
                if (!names.contains(base(metric))) {
                    missing.add(service + " " + metric);
                }
            }
        });
        assertThat(missing).as("listed metrics that no code names").isEmpty();
    }

    @Test
    void everyCityloopMetricInTheCodeIsListed() throws Exception {
        Map<String, Set<String>> exposed = Repo.exposedMetrics();
        List<String> unlisted = new ArrayList<>();
        metricNamesInCode().forEach((service, names) -> {
            if (service.equals("platform")) {
                return;
            }
            for (String name : names) {
                if (exposed.keySet().stream().noneMatch(listed -> base(listed).equals(name))) {
                    unlisted.add(service + " " + name);
                }
            }
        });
        assertThat(unlisted).as("metrics in the code missing from exposed-metrics.txt").isEmpty();
    }

    /** A Prometheus name back to Micrometer's: without the counter's and the timer's suffixes. */
    static String base(String metric) {
        return metric.replaceAll("(_seconds)?(_total|_count|_sum|_max|_bucket)$", "").replaceAll("_seconds$", "");
    }

    /** Service (or "platform") → the Prometheus names of the cityloop metrics its main code names. */
    private static Map<String, Set<String>> metricNamesInCode() throws Exception {
        Map<String, Set<String>> names = new HashMap<>();
        List<String> modules = new ArrayList<>(Repo.SERVICES.keySet());
        modules.add("platform");
        for (String module : modules) {
            Set<String> found = names.computeIfAbsent(module, k -> new HashSet<>());
            try (Stream<Path> files = Files.walk(Repo.path(module + "/src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readAllLines(file).stream()
                            .filter(line -> !line.contains("@ConfigurationProperties") && !line.contains("getLogger"))
                            .reduce("", (a, b) -> a + "\n" + b);
                    Matcher m = NAME.matcher(source);
                    while (m.find()) {
                        String name = m.group(1);
                        // property keys (cityloop.dispatch.auto-routing…) are not metric names: they carry dashes or
                        // are read through @Value/@ConfigurationProperties; metric names here have neither.
                        if (name.contains("-") || name.endsWith(".")) {
                            continue;
                        }
                        found.add(base(name.replace('.', '_')));
                    }
                }
            }
        }
        return names;
    }
}
