package io.cityloop.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Runs against whichever kind is selected; the embedded-only facts are checked only when embedded is selected. */
class TestInfrastructureIntegrationTest {

    @Test
    void isOneStartedInstancePerJvm() {
        assertThat(TestInfrastructure.shared()).isSameAs(TestInfrastructure.shared());
        assertThat(TestInfrastructure.shared().kind()).isEqualTo(InfrastructureKind.selected());
    }

    @Test
    void hasTheCityLoopTopicsInPlace() throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().bootstrapServers()))) {
            Map<String, Integer> partitions = admin.describeTopics(CityLoopTopics.all().keySet())
                    .allTopicNames().get().values().stream()
                    .collect(Collectors.toMap(TopicDescription::name, topic -> topic.partitions().size()));

            assertThat(partitions).isEqualTo(CityLoopTopics.all());
        }
    }

    @Test
    void servesMongoDatabasesByUri() {
        try (MongoClient client = MongoClients.create(TestInfrastructure.shared().mongoUri("cityloop-shared-it"))) {
            var collection = client.getDatabase("cityloop-shared-it").getCollection("probe");
            collection.insertOne(new Document("_id", "probe-1"));

            assertThat(collection.countDocuments(new Document("_id", "probe-1"))).isEqualTo(1);
        }
    }

    @Test
    void embeddedKindUsesRandomPortsAndTheEmbeddedMongo() {
        assumeTrue(InfrastructureKind.selected() == InfrastructureKind.EMBEDDED, "embedded infrastructure selected");
        TestInfrastructure infrastructure = TestInfrastructure.shared();

        assertThat(infrastructure.isRealMongo()).isFalse();
        assertThat(infrastructure.bootstrapServers()).startsWith("localhost:").isNotEqualTo("localhost:9092");
        assertThat(infrastructure.mongoUri("cityloop-intake")).matches("mongodb://localhost:\\d+/cityloop-intake");
    }
}
