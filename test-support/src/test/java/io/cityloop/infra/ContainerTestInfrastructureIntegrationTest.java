package io.cityloop.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.bson.Document;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.junit.jupiter.Testcontainers;

import com.mongodb.MongoQueryException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;

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

    @Test
    void theIndexedMongoRefusesAQueryThatWouldScanAndServesOneWithItsIndex() {
        try (ContainerTestInfrastructure infrastructure = ContainerTestInfrastructure.start();
             MongoClient indexed = MongoClients.create(infrastructure.indexedMongoUri("cityloop-intake-it"));
             MongoClient plain = MongoClients.create(infrastructure.mongoUri("cityloop-intake-it"))) {
            MongoCollection<Document> cases = indexed.getDatabase("cityloop-intake-it").getCollection("cases");
            cases.insertOne(new Document("_id", "XY20261203000001").append("status", "REPORTED")
                    .append("districtCode", "610402"));

            assertThatThrownBy(() -> cases.find(Filters.eq("status", "REPORTED")).first())
                    .as("no index on status: a collection scan, refused")
                    .isInstanceOf(MongoQueryException.class);

            cases.createIndex(Indexes.ascending("status"));
            assertThat(cases.find(Filters.eq("status", "REPORTED")).first()).isNotNull();
            assertThat(cases.find(Filters.eq("_id", "XY20261203000001")).first()).isNotNull();

            MongoCollection<Document> scanned = plain.getDatabase("cityloop-intake-it").getCollection("cases");
            scanned.insertOne(new Document("_id", "XY20261203000002").append("status", "FILED"));
            assertThat(scanned.find(Filters.eq("status", "FILED")).first())
                    .as("the plain MongoDB still scans").isNotNull();
        }
    }
}
