package io.cityloop.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** promtool check rules and promtool test rules on deploy/observability/prometheus; every alert has a runbook and a test. */
class PromtoolTest {

    private static final Path RULES = Repo.path("deploy/observability/prometheus");

    private static Repo.Result promtool(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "promtool";
        System.arraycopy(args, 0, command, 1, args.length);
        Repo.Result result = Repo.run(RULES, command);
        Assumptions.assumeTrue(result != null,
                "promtool not found: rule checks skipped (apt-get install prometheus; .ci/run installs it)");
        return result;
    }

    @Test
    void rulesAreValid() throws Exception {
        Repo.Result result = promtool("check", "rules", "recording-rules.yml", "alert-rules.yml");
        assertThat(result.exit()).as(result.all()).isZero();
    }

    @Test
    void everyAlertPassesItsUnitTests() throws Exception {
        Repo.Result result = promtool("test", "rules", "tests/alert-rules-test.yml");
        assertThat(result.exit()).as(result.all()).isZero();
    }

    @Test
    void everyAlertHasARunbookAndAUnitTest() throws Exception {
        JsonNode tests = Repo.yaml("deploy/observability/prometheus/tests/alert-rules-test.yml");
        List<String> tested = new ArrayList<>();
        tests.path("tests").forEach(t -> t.path("alert_rule_test").forEach(a -> {
            if (!a.path("exp_alerts").isEmpty()) {
                tested.add(a.path("alertname").asText());
            }
        }));
        List<String> alerts = new ArrayList<>();
        for (JsonNode group : Repo.yaml("deploy/observability/prometheus/alert-rules.yml").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.path("alert").asText();
                alerts.add(name);
                assertThat(rule.path("annotations").path("runbook").asText()).as("runbook of " + name).isNotBlank();
            }
        }
        assertThat(alerts).isNotEmpty();
        assertThat(tested).as("alerts with a unit test in which they fire").containsAll(alerts);
    }
}
