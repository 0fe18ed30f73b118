package io.cityloop.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The containers branch, started on its own so it runs even when the shared instance is embedded. Only when the
 * switch says {@code containers} (pulling images is too slow for every build) and Docker is there. The switch is
 * declared first so that, when it is off, Testcontainers does not even probe for Docker (and log an error).
 */
@EnabledIf("containersSelected")
@Testcontainers(disabledWithoutDocker = true)
class ContainerTestInfrastructureIntegrationTest {

    static boolean containersSelected() {
        return InfrastructureKind.selected() == InfrastructureKind.CONTAINERS;
    }

    @Test
    void startsRealKafkaAndMongoWithTheCityLoopTopics() throws Exception {
        try (ContainerTestInfrastructure infrastructure = ContainerTestInfrastructure.start();
             Admin admin = Admin.create(Map.of(
                     AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers()))) {
            assertThat(infrastructure.isRealMongo()).isTrue();
            assertThat(infrastructure.mongoUri("cityloop-intake")).startsWith("mongodb://").contains("/cityloop-intake");
            assertThat(admin.listTopics().names().get()).containsAll(CityLoopTopics.all().keySet());
        }
    }
}
