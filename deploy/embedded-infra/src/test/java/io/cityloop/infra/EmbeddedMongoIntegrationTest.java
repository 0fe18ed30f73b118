package io.cityloop.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoIntegrationTest {

    @TempDir
    Path dataDirectory;

    @Test
    void h2FileBackendKeepsDocumentsAcrossRestarts() {
        MongoSettings settings = new MongoSettings("localhost", FreePorts.next(), dataDirectory, false);

        withCases(settings, cases -> cases.insertOne(new Document("_id", "case-1").append("status", "FILED")));
        withCases(settings, cases -> assertThat(cases.find(new Document("_id", "case-1")).first())
                .containsEntry("status", "FILED"));

        assertThat(EmbeddedMongo.h2File(dataDirectory)).exists();
    }

    @Test
    void memoryBackendStoresAndFindsAndForgetsOnClose() {
        MongoSettings settings = MongoSettings.inMemory("localhost", FreePorts.next());

        withCases(settings, cases -> {
            cases.insertOne(new Document("_id", "case-2").append("status", "DISPATCHED"));
            assertThat(cases.countDocuments(new Document("status", "DISPATCHED"))).isEqualTo(1);
        });
        withCases(settings, cases -> assertThat(cases.countDocuments()).isZero());
    }

    @Test
    void connectionStringNamesHostAndPortOnly() {
        int port = FreePorts.next();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(MongoSettings.inMemory("localhost", port))) {
            assertThat(mongo.connectionString()).isEqualTo("mongodb://localhost:" + port);
        }
    }

    private static void withCases(MongoSettings settings, Consumer<MongoCollection<Document>> action) {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(settings);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            action.accept(client.getDatabase("cityloop-it").getCollection("cases"));
        }
    }
}
