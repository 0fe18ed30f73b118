package io.cityloop.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * deploy/k8s rendered by kubectl kustomize (base and each overlay), parsed strictly, and cross-checked against the
 * services: env vars they read, probe paths and ports they serve, who may reach whom, who may write the topic.
 */
class KubernetesManifestsTest {

    private static final Set<String> HEALTH_PATHS = Set.of("/actuator/health", "/actuator/health/liveness",
            "/actuator/health/readiness");
    private static final Set<String> PRODUCERS = Set.of("case-intake", "dispatch");

    static List<JsonNode> render(String dir) throws Exception {
        Repo.Result result = Repo.run(Repo.path("deploy/k8s"), "kubectl", "kustomize", dir);
        Assumptions.assumeTrue(result != null, "kubectl not found: Kubernetes manifests not rendered, checks skipped");
        assertThat(result.exit()).as(result.err()).isZero();
        return Repo.yamlDocuments(result.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/city", "overlays/province"})
    void parsesStrictly(String dir) throws Exception {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : render(dir)) {
            problems.addAll(StrictModel.problems(object));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void strictParsingCatchesAnUnknownField() throws Exception {
        JsonNode deployment = render("base").stream().filter(o -> o.path("kind").asText().equals("Deployment"))
                .findFirst().orElseThrow();
        ((ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0))
                .put("livenessProbes", "typo");
        assertThat(StrictModel.problems(deployment)).singleElement().asString().contains("livenessProbes");
        JsonNode user = render("base").stream().filter(o -> o.path("kind").asText().equals("KafkaUser"))
                .findFirst().orElseThrow();
        ((ObjectNode) user.path("spec")).put("acl", "typo");
        assertThat(StrictModel.problems(user)).singleElement().asString().contains("acl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/city", "overlays/province"})
    void everyVariableIsReadAndEveryProbeIsServed(String dir) throws Exception {
        List<JsonNode> objects = render(dir);
        Map<String, JsonNode> configMaps = new HashMap<>();
        objects.stream().filter(o -> o.path("kind").asText().equals("ConfigMap"))
                .forEach(o -> configMaps.put(o.path("metadata").path("name").asText(), o.path("data")));
        List<String> problems = new ArrayList<>();
        Set<String> deployed = new HashSet<>();
        for (JsonNode d : objects) {
            if (!d.path("kind").asText().equals("Deployment")) {
                continue;
            }
            String service = d.path("metadata").path("name").asText();
            assertThat(Repo.SERVICES).as("Deployment of an unknown service").containsKey(service);
            deployed.add(service);
            JsonNode container = d.path("spec").path("template").path("spec").path("containers").get(0);
            Map<String, String> env = new HashMap<>();
            for (JsonNode from : container.path("envFrom")) {
                String name = from.path("configMapRef").path("name").asText();
                assertThat(configMaps).as(service + " envFrom").containsKey(name);
                configMaps.get(name).fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            }
            container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText("(secret)")));
            for (String variable : env.keySet()) {
                if (!Repo.reads(service, variable)) {
                    problems.add(service + ": " + variable + " is no setting the service reads");
                }
            }
            problems.addAll(ProbeCheck.check(service, env, container));
        }
        assertThat(deployed).containsExactlyInAnyOrderElementsOf(Repo.SERVICES.keySet());
        assertThat(problems).isEmpty();
    }

    @Test
    void onlyTheGatewayFromOutsideBackendsFromTheGatewayDataFromTheServices() throws Exception {
        List<JsonNode> objects = render("overlays/city");
        Map<String, JsonNode> policies = new HashMap<>();
        objects.stream().filter(o -> o.path("kind").asText().equals("NetworkPolicy"))
                .forEach(o -> policies.put(o.path("metadata").path("name").asText(), o.path("spec")));
        JsonNode deny = policies.get("default-deny-ingress");
        assertThat(deny).as("a default-deny policy").isNotNull();
        assertThat(deny.path("podSelector").isEmpty()).isTrue();
        assertThat(deny.path("ingress").isEmpty()).isTrue();
        for (var entry : policies.entrySet()) {
            JsonNode spec = entry.getValue();
            String target = spec.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText();
            for (JsonNode rule : spec.path("ingress")) {
                boolean fromAnywhere = rule.path("from").isMissingNode() || rule.path("from").isEmpty();
                if (fromAnywhere) {
                    assertThat(target).as(entry.getKey() + " admits everyone").isEqualTo("gateway");
                }
                if (Repo.SERVICES.containsKey(target) && !target.equals("gateway")) {
                    for (JsonNode peer : rule.path("from")) {
                        String app = peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name")
                                .asText();
                        boolean monitoring = peer.path("namespaceSelector").path("matchLabels")
                                .path("kubernetes.io/metadata.name").asText().equals("monitoring");
                        assertThat(app.equals("gateway") || monitoring)
                                .as(entry.getKey() + " admits " + peer).isTrue();
                    }
                }
            }
        }
        for (String backend : List.of("case-intake", "dispatch", "assessment", "notification")) {
            assertThat(policies).containsKey(backend + "-from-gateway");
        }
        // MongoDB and Kafka admit only pods labelled as their clients; only the backends (and MongoDB's init Job)
        // carry those labels, the gateway none.
        Kafka.listenersAdmitOnlyClients(objects);
        for (JsonNode o : objects) {
            JsonNode labels = o.path("spec").path("template").path("metadata").path("labels");
            String name = o.path("metadata").path("name").asText();
            boolean client = labels.has("cityloop.io/mongodb-client") || labels.has("cityloop.io/kafka-client");
            if (client) {
                assertThat(name).isIn("case-intake", "dispatch", "assessment", "notification", "mongodb-init");
            }
        }
    }

    @Test
    void eachServiceWritesOnlyWhatItOwns() throws Exception {
        List<JsonNode> objects = render("overlays/city");
        Map<String, JsonNode> users = new HashMap<>();
        for (JsonNode o : objects) {
            if (o.path("kind").asText().equals("KafkaUser")) {
                users.put(o.path("metadata").path("name").asText().replaceFirst("^cityloop-", ""), o);
            }
            if (o.path("kind").asText().equals("KafkaTopic")
                    && o.path("spec").path("topicName").asText().equals("cityloop.case-events")) {
                assertThat(o.path("spec").path("partitions").asInt()).isEqualTo(12);
                assertThat(o.path("spec").path("replicas").asInt()).isEqualTo(3);
            }
        }
        assertThat(users.keySet()).containsExactlyInAnyOrder("case-intake", "dispatch", "assessment", "notification");
        for (var entry : users.entrySet()) {
            String service = entry.getKey();
            String group = Repo.serviceConfig(service).path("spring").path("kafka").path("consumer").path("group-id")
                    .asText();
            boolean writesTopic = false;
            boolean readsGroup = false;
            for (JsonNode acl : entry.getValue().path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                List<String> ops = new ArrayList<>();
                acl.path("operations").forEach(op -> ops.add(op.asText()));
                assertThat(resource.path("patternType").asText()).isEqualTo("literal");
                assertThat(ops).doesNotContain("All", "Alter", "Delete", "Create");
                if (resource.path("type").asText().equals("topic")
                        && resource.path("name").asText().equals("cityloop.case-events") && ops.contains("Write")) {
                    writesTopic = true;
                }
                if (resource.path("type").asText().equals("group")) {
                    assertThat(resource.path("name").asText()).as(service + "'s group").isEqualTo(group);
                    readsGroup = true;
                }
            }
            assertThat(writesTopic).as(service + " writes cityloop.case-events").isEqualTo(PRODUCERS.contains(service));
            assertThat(readsGroup).as(service + " reads with its group").isTrue();
        }
    }

    /** Probe paths a service serves on the port it listens on; shared with the compose checks. */
    static final class ProbeCheck {
        static List<String> check(String service, Map<String, String> env, JsonNode container) throws Exception {
            List<String> problems = new ArrayList<>();
            int port = Integer.parseInt(env.getOrDefault("SERVER_PORT", String.valueOf(Repo.SERVICES.get(service))));
            assertThat(port).as(service + " port").isEqualTo(Repo.SERVICES.get(service));
            Map<String, Integer> ports = new HashMap<>();
            container.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
            assertThat(ports.get("http")).as(service + " containerPort").isEqualTo(port);
            for (String kind : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                JsonNode probe = container.path(kind).path("httpGet");
                if (probe.isMissingNode()) {
                    if (!kind.equals("startupProbe")) {
                        problems.add(service + ": no " + kind);
                    }
                    continue;
                }
                JsonNode p = probe.path("port");
                int probePort = p.isInt() ? p.asInt() : ports.getOrDefault(p.asText(), -1);
                if (probePort != port) {
                    problems.add(service + ": " + kind + " on port " + p.asText() + ", the service listens on " + port);
                }
                problems.addAll(healthPath(service, env, probe.path("path").asText()));
            }
            return problems;
        }

        static List<String> healthPath(String service, Map<String, String> env, String path) throws Exception {
            List<String> problems = new ArrayList<>();
            JsonNode management = Repo.serviceConfig(service).path("management");
            if (!HEALTH_PATHS.contains(path)) {
                problems.add(service + ": probe path " + path + " is not an actuator health endpoint");
            }
            if (!management.path("endpoints").path("web").path("exposure").path("include").asText()
                    .contains("health")) {
                problems.add(service + ": health is not exposed over HTTP");
            }
            boolean groups = management.path("endpoint").path("health").path("probes").path("enabled").asBoolean()
                    || "true".equals(env.get("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED"));
            if (path.endsWith("/liveness") || path.endsWith("/readiness")) {
                if (!groups) {
                    problems.add(service + ": " + path + " needs management.endpoint.health.probes.enabled");
                }
            }
            return problems;
        }
    }

    static final class Kafka {
        static void listenersAdmitOnlyClients(List<JsonNode> objects) {
            JsonNode kafka = objects.stream().filter(o -> o.path("kind").asText().equals("Kafka")).findFirst()
                    .orElseThrow();
            assertThat(kafka.path("spec").path("kafka").path("authorization").path("type").asText())
                    .isEqualTo("simple");
            for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
                assertThat(listener.path("authentication").path("type").asText()).isNotBlank();
                assertThat(listener.path("networkPolicyPeers")).as("listener " + listener.path("name")).isNotEmpty();
                for (JsonNode peer : listener.path("networkPolicyPeers")) {
                    assertThat(peer.path("podSelector").path("matchLabels").path("cityloop.io/kafka-client").asText())
                            .isEqualTo("true");
                }
            }
            JsonNode config = kafka.path("spec").path("kafka").path("config");
            assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
            assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
        }
    }
}
