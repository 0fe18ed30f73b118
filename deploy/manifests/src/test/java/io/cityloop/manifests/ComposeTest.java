package io.cityloop.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** deploy/compose/compose.yml parsed and cross-checked against the services, the rules and the demo accounts. */
class ComposeTest {

    private static final Pattern HEALTH = Pattern.compile("/dev/tcp/127\\.0\\.0\\.1/(\\d+).*GET (\\S+) HTTP");

    private static JsonNode compose() throws Exception {
        return Repo.yaml("deploy/compose/compose.yml").path("services");
    }

    @Test
    void everyVariableIsReadAndEveryHealthCheckIsServed() throws Exception {
        JsonNode services = compose();
        List<String> problems = new ArrayList<>();
        for (String service : Repo.SERVICES.keySet()) {
            JsonNode s = services.path(service);
            assertThat(s.isMissingNode()).as(service + " in compose.yml").isFalse();
            assertThat(s.path("image").asText()).isEqualTo("cityloop/" + service + ":0.1.0-SNAPSHOT");
            Map<String, String> env = new HashMap<>();
            s.path("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            for (String variable : env.keySet()) {
                if (!Repo.reads(service, variable)) {
                    problems.add(service + ": " + variable + " is no setting the service reads");
                }
            }
            assertThat(env.get("SERVER_PORT")).isEqualTo(String.valueOf(Repo.SERVICES.get(service)));
            String test = String.join(" ", toList(s.path("healthcheck").path("test")));
            Matcher m = HEALTH.matcher(test);
            assertThat(m.find()).as(service + " health check: " + test).isTrue();
            if (Integer.parseInt(m.group(1)) != Repo.SERVICES.get(service)) {
                problems.add(service + ": health check on port " + m.group(1));
            }
            problems.addAll(KubernetesManifestsTest.ProbeCheck.healthPath(service, env, m.group(2)));
            if (!service.equals("gateway")) {
                String database = Repo.serviceConfig(service).path("spring").path("mongodb").path("uri").asText()
                        .replaceAll(".*/([^/?}]+)}?$", "$1");
                assertThat(env.get("MONGODB_URI")).as(service + " database").contains("/" + database + "?")
                        .contains("replicaSet=rs0");
            }
            assertThat(env.get("CITYLOOP_AUTH_AUDIENCE")).isEqualTo("cityloop");
            assertThat(env.get("CITYLOOP_EDGE_SECRET")).as("secrets come from .env").startsWith("${");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void kafkaHasThreeBrokersReplicationThreeAndMinInsyncTwo() throws Exception {
        JsonNode services = compose();
        Set<String> voters = new HashSet<>();
        for (int i = 1; i <= 3; i++) {
            JsonNode env = services.path("kafka-" + i).path("environment");
            assertThat(env.path("KAFKA_NODE_ID").asInt()).isEqualTo(i);
            assertThat(env.path("KAFKA_MIN_INSYNC_REPLICAS").asInt()).isEqualTo(2);
            assertThat(env.path("KAFKA_DEFAULT_REPLICATION_FACTOR").asInt()).isEqualTo(3);
            assertThat(env.path("KAFKA_PROCESS_ROLES").asText()).contains("controller");
            voters.add(env.path("KAFKA_CONTROLLER_QUORUM_VOTERS").asText());
        }
        assertThat(voters).hasSize(1);
        String init = String.join(" ", toList(services.path("kafka-init").path("command")));
        assertThat(init).contains("cityloop.case-events").contains("--partitions 12").contains("--replication-factor 3");
        for (int i = 1; i <= 3; i++) {
            assertThat(toList(services.path("mongo-" + i).path("command"))).contains("--replSet", "rs0");
        }
    }

    @Test
    void prometheusLoadsTheTestedRulesAndScrapesEveryService() throws Exception {
        JsonNode prometheus = compose().path("prometheus");
        assertThat(toList(prometheus.path("volumes")))
                .contains("../observability/prometheus:/etc/prometheus/rules:ro");
        JsonNode config = Repo.yaml("deploy/compose/prometheus/prometheus.yml");
        for (String file : toList(config.path("rule_files"))) {
            String name = file.replace("/etc/prometheus/rules/", "");
            assertThat(Files.exists(Repo.path("deploy/observability/prometheus/" + name))).as(file).isTrue();
        }
        Map<String, String> jobs = new HashMap<>();
        for (JsonNode job : config.path("scrape_configs")) {
            assertThat(job.path("metrics_path").asText()).isEqualTo("/actuator/prometheus");
            jobs.put(job.path("job_name").asText(), job.path("static_configs").get(0).path("targets").get(0).asText());
        }
        Repo.SERVICES.forEach((service, port) -> {
            assertThat(jobs).containsEntry(service, service + ":" + port);
        });
        assertThat(toList(compose().path("grafana").path("volumes")))
                .contains("../observability/grafana/dashboards:/var/lib/grafana/dashboards:ro");
    }

    @Test
    void theRealmHoldsTheDemoAccountsWithTheClaimsTheServicesRead() throws Exception {
        JsonNode realm = Repo.JSON.readTree(Repo.path("deploy/compose/keycloak/cityloop-realm.json").toFile());
        JsonNode accounts = Repo.yaml("gateway/src/main/resources/accounts/demo-accounts.yml").path("accounts");
        Map<String, JsonNode> users = new HashMap<>();
        realm.path("users").forEach(u -> users.put(u.path("username").asText(), u));
        assertThat(users).hasSameSizeAs(toList(accounts));
        for (JsonNode account : accounts) {
            String name = account.path("username").asText();
            JsonNode user = users.get(name);
            assertThat(user).as("realm user " + name).isNotNull();
            assertThat(user.path("id").asText()).as("sub = user name").isEqualTo(name);
            assertThat(toList(user.path("realmRoles"))).isEqualTo(toList(account.path("roles")));
            assertThat(user.path("attributes").path("display_name").get(0).asText())
                    .isEqualTo(account.path("name").asText());
            assertThat(user.path("attributes").path("unit").path(0).asText(""))
                    .isEqualTo(account.path("unit").asText(""));
            assertThat(user.path("attributes").path("district").path(0).asText(""))
                    .isEqualTo(account.path("district").asText(""));
            assertThat(user.has("credentials")).as("no password committed for " + name).isFalse();
        }
        List<String> roles = new ArrayList<>();
        realm.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asText()));
        assertThat(roles).containsExactlyInAnyOrder("inspector", "operator", "shift-lead", "dispatcher", "department",
                "supervisor", "admin");
        Map<String, JsonNode> mappers = new HashMap<>();
        realm.path("clients").get(0).path("protocolMappers")
                .forEach(m -> mappers.put(m.path("config").path("claim.name").asText("aud"), m));
        assertThat(mappers.get("aud").path("config").path("included.custom.audience").asText()).isEqualTo("cityloop");
        assertThat(mappers.get("roles").path("protocolMapper").asText()).isEqualTo("oidc-usermodel-realm-role-mapper");
        assertThat(mappers.get("roles").path("config").path("multivalued").asText()).isEqualTo("true");
        for (String claim : List.of("name", "unit", "district")) {
            assertThat(mappers.get(claim).path("config").path("access.token.claim").asText()).as(claim).isEqualTo("true");
            assertThat(mappers.get(claim).path("protocolMapper").asText()).isEqualTo("oidc-usermodel-attribute-mapper");
        }
        String profile = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").get(0)
                .path("config").path("kc.user.profile.config").get(0).asText();
        assertThat(profile).contains("\"display_name\"", "\"unit\"", "\"district\"");
    }

    private static List<String> toList(JsonNode node) {
        List<String> list = new ArrayList<>();
        node.forEach(n -> list.add(n.asText()));
        return list;
    }
}
