package io.cityloop.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoStoreCompactionIntegrationTest {

    @TempDir
    Path dataDirectory;

    private void withCases(MongoSettings settings, Consumer<MongoCollection<Document>> action) {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(settings, QueryGuard.of(QueryGuard.Mode.FAIL));
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            action.accept(client.getDatabase("cityloop-test").getCollection("cases"));
        }
    }

    @Test
    void compactionGivesBackTheSpaceOfDeletedDocumentsAndKeepsTheRestAndTheirIndexes() {
        MongoSettings settings = new MongoSettings("localhost", FreePorts.next(), dataDirectory, false);
        String text = "x".repeat(2_000);
        withCases(settings, cases -> {
            cases.createIndex(Indexes.ascending("status"), new IndexOptions().name("by_status"));
            for (int batch = 0; batch < 10; batch++) {
                List<Document> documents = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    documents.add(new Document("_id", batch * 500 + i)
                            .append("status", i % 10 == 0 ? "OPEN" : "CLOSED").append("text", text));
                }
                cases.insertMany(documents);
            }
            cases.deleteMany(Filters.eq("status", "CLOSED"));
        });

        MongoStoreCompaction.Result result = MongoStoreCompaction.compact(dataDirectory);

        assertThat(result.bytesAfter()).isPositive().isLessThan(result.bytesBefore() / 2);
        withCases(settings, cases -> {
            assertThat(cases.countDocuments(Filters.eq("status", "OPEN"))).isEqualTo(500);
            assertThat(cases.countDocuments()).isEqualTo(500);
        });
    }

    @Test
    void aMissingFileIsNothingToCompact() {
        assertThat(MongoStoreCompaction.compact(dataDirectory.resolve("none")).bytesBefore()).isZero();
    }
}
