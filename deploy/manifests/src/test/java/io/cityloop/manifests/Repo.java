package io.cityloop.manifests;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The repository as the checks see it: files, the services' settings, tools on the PATH. */
final class Repo {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    /** The five services with their port (application.yml's default) and folder. */
    static final Map<String, Integer> SERVICES = Map.of("gateway", 8080, "case-intake", 8081, "dispatch", 8082,
            "assessment", 8083, "notification", 8084);

    static final Path ROOT = findRoot();

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static Set<String> knownProperties;
    private static Set<String> mapProperties;

    private Repo() {
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/observability"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the CityLoop repository");
        }
        return dir;
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) throws IOException {
        return Files.readString(path(relative), StandardCharsets.UTF_8);
    }

    /** A YAML file as a tree, read by SnakeYAML, which resolves anchors and merge keys (<<) as compose does. */
    static JsonNode yaml(String relative) throws IOException {
        Object document = new org.yaml.snakeyaml.Yaml().load(read(relative));
        return JSON.valueToTree(document);
    }

    static String serviceYml(String service) throws IOException {
        return read(service + "/src/main/resources/application.yml");
    }

    static JsonNode serviceConfig(String service) throws IOException {
        return JSON.valueToTree(new org.yaml.snakeyaml.Yaml().load(serviceYml(service)));
    }

    /** The ${VARIABLE} placeholders of a service's application.yml. */
    static Set<String> placeholders(String service) throws IOException {
        Set<String> names = new HashSet<>();
        Matcher m = PLACEHOLDER.matcher(serviceYml(service));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * Whether an environment variable is a setting the service reads: a placeholder of its application.yml, or
     * (by Spring's relaxed binding) a property of its application.yml, of the platform's or of Spring Boot's
     * configuration metadata, or an entry of a map property there (spring.kafka.properties.*).
     */
    static boolean reads(String service, String variable) throws IOException {
        if (placeholders(service).contains(variable)) {
            return true;
        }
        Set<String> keys = new HashSet<>(metadataProperties());
        flatten("", serviceConfig(service), keys);
        for (String key : keys) {
            if (envForms(key).contains(variable)) {
                return true;
            }
        }
        for (String map : mapProperties) {
            for (String form : envForms(map)) {
                if (variable.startsWith(form + "_")) {
                    return true;
                }
            }
        }
        return false;
    }

    static Set<String> envForms(String property) {
        String upper = property.toUpperCase(Locale.ROOT).replace('.', '_');
        return new HashSet<>(List.of(upper.replace("-", ""), upper.replace('-', '_')));
    }

    private static void flatten(String prefix, JsonNode node, Set<String> keys) {
        if (node == null || !node.isObject()) {
            return;
        }
        node.fields().forEachRemaining(e -> {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            keys.add(key);
            flatten(key, e.getValue(), keys);
        });
    }

    /** Every property named in a spring-configuration-metadata.json on the classpath (platform, Boot, actuator). */
    static synchronized Set<String> metadataProperties() throws IOException {
        if (knownProperties == null) {
            Set<String> names = new HashSet<>();
            Set<String> maps = new HashSet<>();
            for (String resource : List.of("META-INF/spring-configuration-metadata.json",
                    "META-INF/additional-spring-configuration-metadata.json")) {
                Enumeration<URL> urls = Repo.class.getClassLoader().getResources(resource);
                while (urls.hasMoreElements()) {
                    try (InputStream in = urls.nextElement().openStream()) {
                        JsonNode properties = JSON.readTree(in).path("properties");
                        for (JsonNode p : properties) {
                            names.add(p.path("name").asText());
                            if (p.path("type").asText().startsWith("java.util.Map")) {
                                maps.add(p.path("name").asText());
                            }
                        }
                    }
                }
            }
            knownProperties = names;
            mapProperties = maps;
        }
        return knownProperties;
    }

    /** The exposed-metrics list: metric name → the services that expose it. */
    static Map<String, Set<String>> exposedMetrics() throws IOException {
        Map<String, Set<String>> metrics = new LinkedHashMap<>();
        for (String line : Files.readAllLines(path("deploy/observability/metrics/exposed-metrics.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            metrics.computeIfAbsent(f[1], k -> new HashSet<>()).add(f[0]);
        }
        return metrics;
    }

    static Map<String, String> exposedMetricSources() throws IOException {
        Map<String, String> sources = new HashMap<>();
        for (String line : Files.readAllLines(path("deploy/observability/metrics/exposed-metrics.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] f = line.trim().split("\\s+");
                sources.put(f[0] + " " + f[1], f[2]);
            }
        }
        return sources;
    }

    /** Runs a tool, or null when it is not on the PATH. */
    static Result run(Path dir, String... command) throws IOException, InterruptedException {
        if (!onPath(command[0])) {
            return null;
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in 60 s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static List<JsonNode> yamlDocuments(String text) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(text)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }
}
