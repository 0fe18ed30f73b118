package io.cityloop.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The embedded server's secondary indexes, checked through its query guard in {@code fail} mode: on a collection of
 * 1,000 cases a query not served by an index is refused (a scan, or more than 10 × returned + 100 read), so every
 * query below that answers was served by one — and its answer is compared with what the documents say.
 */
class SecondaryIndexIntegrationTest {

    private static final int CASES = 1_000;
    private static final String[] STATUSES = {"REPORTED", "FILED", "DISPATCHED", "HANDLED", "CLOSED"};

    @TempDir
    Path dataDirectory;

    private MongoSettings settings(boolean h2) {
        return h2 ? new MongoSettings("localhost", FreePorts.next(), dataDirectory, false)
                : MongoSettings.inMemory("localhost", FreePorts.next());
    }

    private EmbeddedMongo server;

    private void withCases(MongoSettings settings, Consumer<MongoCollection<Document>> action) {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(settings, QueryGuard.of(QueryGuard.Mode.FAIL));
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            server = mongo;
            action.accept(client.getDatabase("cityloop-test").getCollection("cases"));
        }
    }

    private static void seed(MongoCollection<Document> cases) {
        cases.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("reportedAt"),
                Indexes.descending("_id")), new IndexOptions().name("by_status"));
        cases.createIndex(Indexes.compoundIndex(Indexes.ascending("unit"), Indexes.ascending("category"),
                Indexes.ascending("dueBy")), new IndexOptions().name("by_unit_category_due"));
        cases.createIndex(Indexes.ascending("outbox.0"), new IndexOptions().name("pending_outbox").sparse(true));
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            documents.add(new Document("_id", String.format("case-%04d", i))
                    .append("status", STATUSES[i % STATUSES.length])
                    .append("reportedAt", (long) i)
                    .append("unit", "dept-" + (i % 20))
                    .append("category", "c" + (i % 7))
                    .append("dueBy", 10_000L - i)
                    .append("tags", List.of("t" + (i % 3), "t" + (i % 11))));
        }
        cases.insertMany(documents);
    }

    private static List<String> ids(Iterable<Document> documents) {
        List<String> ids = new ArrayList<>();
        documents.forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    private static List<String> expected(java.util.function.IntPredicate which) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            if (which.test(i)) {
                ids.add(String.format("case-%04d", i));
            }
        }
        return ids;
    }

    private static List<String> reversed(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        java.util.Collections.reverse(copy);
        return copy;
    }

    @ParameterizedTest(name = "h2 file: {0}")
    @ValueSource(booleans = {false, true})
    void equalityInRangeAndSortAreServedByTheDeclaredIndexes(boolean h2) {
        withCases(settings(h2), cases -> {
            seed(cases);
            // equality on the first key (200 of 1,000)
            assertThat(cases.countDocuments(Filters.eq("status", "FILED"))).isEqualTo(200);
            // $in
            assertThat(ids(cases.find(Filters.in("status", "FILED", "CLOSED")).sort(Sorts.ascending("_id"))))
                    .isEqualTo(expected(i -> i % 5 == 1 || i % 5 == 4));
            // equality + range on the second key, sorted by it: the index's order, newest first
            assertThat(ids(cases.find(Filters.and(Filters.eq("status", "HANDLED"), Filters.gte("reportedAt", 500L),
                    Filters.lt("reportedAt", 600L))).sort(Sorts.descending("reportedAt"))))
                    .isEqualTo(reversed(expected(i -> i % 5 == 3 && i >= 500 && i < 600)));
            // a sort the index gives, with a limit: the index is walked only as far as needed
            assertThat(ids(cases.find(Filters.eq("status", "REPORTED"))
                    .sort(Sorts.orderBy(Sorts.descending("reportedAt"), Sorts.descending("_id"))).limit(3)))
                    .containsExactly("case-0995", "case-0990", "case-0985");
            // the reverse sort walks the index backwards
            assertThat(ids(cases.find(Filters.eq("status", "REPORTED")).sort(Sorts.ascending("reportedAt")).limit(2)))
                    .containsExactly("case-0000", "case-0005");
            // compound prefix: unit alone, then unit + category, then unit + category + range on dueBy
            assertThat(cases.countDocuments(Filters.eq("unit", "dept-3"))).isEqualTo(50);
            assertThat(ids(cases.find(Filters.and(Filters.eq("unit", "dept-3"), Filters.eq("category", "c3")))
                    .sort(Sorts.ascending("_id")))).isEqualTo(expected(i -> i % 20 == 3 && i % 7 == 3));
            assertThat(ids(cases.find(Filters.and(Filters.eq("unit", "dept-3"), Filters.eq("category", "c3"),
                    Filters.gt("dueBy", 9_500L))).sort(Sorts.ascending("dueBy"))))
                    .isEqualTo(reversed(expected(i -> i % 20 == 3 && i % 7 == 3 && 10_000 - i > 9_500)));
            // a sparse index answers $exists: true
            assertThat(cases.countDocuments(Filters.exists("outbox.0"))).isZero();
        });
    }

    @ParameterizedTest(name = "h2 file: {0}")
    @ValueSource(booleans = {false, true})
    void writesKeepTheIndexesExact(boolean h2) {
        withCases(settings(h2), cases -> {
            seed(cases);
            cases.insertOne(new Document("_id", "case-new").append("status", "FILED").append("reportedAt", 5_000L));
            assertThat(cases.find(Filters.eq("status", "FILED")).sort(Sorts.descending("reportedAt")).first())
                    .containsEntry("_id", "case-new");

            cases.updateOne(Filters.eq("_id", "case-new"), Updates.set("status", "DISPATCHED"));
            assertThat(ids(cases.find(Filters.and(Filters.eq("status", "FILED"), Filters.gte("reportedAt", 5_000L)))))
                    .isEmpty();
            assertThat(ids(cases.find(Filters.and(Filters.eq("status", "DISPATCHED"),
                    Filters.gte("reportedAt", 5_000L))))).containsExactly("case-new");

            cases.updateMany(Filters.eq("status", "HANDLED"), Updates.set("status", "CLOSED"));
            assertThat(cases.countDocuments(Filters.eq("status", "HANDLED"))).isZero();
            assertThat(cases.countDocuments(Filters.eq("status", "CLOSED"))).isEqualTo(400);

            Document taken = cases.findOneAndUpdate(Filters.eq("status", "DISPATCHED"),
                    Updates.combine(Updates.set("status", "ACCEPTED"), Updates.push("outbox", new Document("e", 1))),
                    new FindOneAndUpdateOptions().sort(Sorts.descending("reportedAt"))
                            .returnDocument(ReturnDocument.AFTER));
            assertThat(taken).containsEntry("_id", "case-new").containsEntry("status", "ACCEPTED");
            assertThat(ids(cases.find(Filters.eq("status", "ACCEPTED")))).containsExactly("case-new");
            assertThat(ids(cases.find(Filters.exists("outbox.0")))).containsExactly("case-new");

            cases.updateOne(Filters.eq("_id", "case-new"), Updates.pull("outbox", new Document("e", 1)));
            assertThat(cases.countDocuments(Filters.exists("outbox.0"))).isZero();
            // an emptied outbox leaves the sparse index: the relays' sweep must not read published documents
            cases.updateMany(Filters.eq("status", "REPORTED"), Updates.set("outbox", List.of()));
            assertThat(cases.find(Filters.exists("outbox.0")).limit(200).into(new ArrayList<>())).isEmpty();

            cases.findOneAndDelete(Filters.eq("status", "ACCEPTED"));
            assertThat(cases.countDocuments(Filters.eq("status", "ACCEPTED"))).isZero();
            cases.deleteMany(Filters.eq("status", "CLOSED"));
            assertThat(cases.countDocuments(Filters.eq("status", "CLOSED"))).isZero();
            assertThat(cases.countDocuments(Filters.eq("unit", "dept-3"))).isZero(); // all HANDLED, then CLOSED
            assertThat(cases.countDocuments(Filters.eq("unit", "dept-1"))).isEqualTo(50);
            assertThat(cases.countDocuments()).isEqualTo(600);
            assertThat(server.indexInconsistencies()).isEmpty();
        });
    }

    /**
     * case-intake's duplicate search binds {@code status $in [open]} and a category, with ranges: two indexes of the
     * same shape serve it, and only a trial tells that the category's reads a handful where the status's reads
     * every open case (the guard in fail mode refuses the latter).
     */
    @ParameterizedTest(name = "h2 file: {0}")
    @ValueSource(booleans = {false, true})
    void ofTwoIndexesOfTheSameShapeTheOneThatReadsFewerServes(boolean h2) {
        withCases(settings(h2), cases -> {
            seed(cases);
            cases.createIndex(Indexes.ascending("category", "reportedAt", "unit", "dueBy"),
                    new IndexOptions().name("by_category_time"));
            for (int i = 0; i < 3; i++) {
                cases.insertOne(new Document("_id", "rare-" + i).append("status", "REPORTED")
                        .append("category", "01-01-09").append("reportedAt", 2_000L + i).append("unit", "dept-2"));
            }

            assertThat(ids(cases.find(Filters.and(Filters.in("status", "REPORTED", "FILED", "DISPATCHED", "HANDLED"),
                    Filters.eq("category", "01-01-09"), Filters.gte("reportedAt", 0L)))))
                    .containsExactlyInAnyOrder("rare-0", "rare-1", "rare-2");
        });
    }

    @ParameterizedTest(name = "h2 file: {0}")
    @ValueSource(booleans = {false, true})
    @SuppressWarnings("unchecked")
    void theConsistencyCheckNamesAMissingAndAStaleEntry(boolean h2) {
        withCases(settings(h2), cases -> {
            seed(cases);
            assertThat(server.indexInconsistencies()).isEmpty();
            IndexedQueries.Host<Object> host = (IndexedQueries.Host<Object>) IndexConsistency.hosts(server.backend())
                    .stream().filter(h -> h.collectionName().equals("cases")).findFirst().orElseThrow();
            SecondaryIndex<Object> byStatus = (SecondaryIndex<Object>) host.indexes().stream()
                    .filter(index -> index.getName().equals("by_status")).findFirst().orElseThrow();
            var documents = host.documentsWithPositions();
            byStatus.remove(documents.get(0).getDocument());
            byStatus.add(new de.bwaldvogel.mongo.bson.Document("_id", "case-gone").append("status", "CLOSED").append("reportedAt", 1L),
                    documents.get(1).getPosition(), null);

            assertThat(server.indexInconsistencies()).hasSize(2)
                    .anySatisfy(line -> assertThat(line).startsWith("cityloop-test.cases by_status: document case-0000 has no entry"))
                    .anySatisfy(line -> assertThat(line).contains("case-gone").endsWith("(stale)"));
        });
    }

    @Test
    void indexesAreRebuiltFromTheDocumentsWhenTheH2FileIsOpenedAgain() {
        MongoSettings settings = settings(true);
        withCases(settings, cases -> {
            seed(cases);
            cases.updateMany(Filters.eq("status", "FILED"), Updates.set("status", "VERIFIED"));
        });
        withCases(settings, cases -> {
            assertThat(cases.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>()))
                    .contains("by_status", "by_unit_category_due", "pending_outbox");
            assertThat(cases.countDocuments(Filters.eq("status", "VERIFIED"))).isEqualTo(200);
            assertThat(cases.countDocuments(Filters.eq("status", "FILED"))).isZero();
            assertThat(cases.find(Filters.eq("status", "VERIFIED")).sort(Sorts.descending("reportedAt")).first())
                    .containsEntry("_id", "case-0996");
        });
    }

    @ParameterizedTest(name = "h2 file: {0}")
    @ValueSource(booleans = {false, true})
    void theGuardRefusesAQueryNoIndexServesAndNamesWhatIsMissing(boolean h2) {
        withCases(settings(h2), cases -> {
            seed(cases);
            Bson unindexed = Filters.and(Filters.eq("category", "c2"), Filters.lt("dueBy", 9_900L));
            assertThatThrownBy(() -> cases.find(unindexed).sort(Sorts.descending("reportedAt")).first())
                    .isInstanceOf(MongoException.class)
                    .satisfies(e -> assertThat(((MongoException) e).getCode()).isEqualTo(QueryGuard.ERROR_CODE))
                    .hasMessageContaining("cityloop-test.cases")
                    .hasMessageContaining("by a collection scan")
                    .hasMessageContaining("filter {$and: [{category: ?}, {dueBy: {$lt: ?}}]}")
                    .hasMessageContaining("lacks an index like {category: 1, reportedAt: -1, dueBy: 1}");
            // served by an index, but only its first key: 50 of dept-3's cases read to return 1 is within the bound;
            // a sort the index cannot give over all of a status's 200 cases to return 1 is not
            assertThatThrownBy(() -> cases.find(Filters.eq("status", "FILED")).sort(Sorts.ascending("dueBy")).first())
                    .isInstanceOf(MongoException.class)
                    .hasMessageContaining("examined 200 documents to return 1")
                    .hasMessageContaining("through index by_status");
            // writes are refused before they change anything
            assertThatThrownBy(() -> cases.updateMany(Filters.eq("category", "c2"), Updates.set("status", "X")))
                    .isInstanceOf(MongoException.class);
            assertThat(cases.countDocuments(Filters.eq("status", "X"))).isZero();
        });
    }

    @ParameterizedTest(name = "h2 file: {0}")
    @ValueSource(booleans = {false, true})
    void aUniqueIndexServesItsPrefixItsRangesAndItsOrderEvenAfterTheFileIsOpenedAgain(boolean h2) {
        MongoSettings settings = settings(h2);
        Consumer<MongoCollection<Document>> reads = chunks -> {
            assertThat(chunks.find(Filters.and(Filters.eq("files_id", "f-7"), Filters.gte("n", 2)))
                    .sort(Sorts.ascending("n")).map(chunk -> chunk.getInteger("n")).into(new ArrayList<>()))
                    .containsExactly(2, 3, 4);
            assertThat(chunks.find().sort(Sorts.descending("files_id", "n")).limit(1).first())
                    .containsEntry("files_id", "f-99").containsEntry("n", 4);
        };
        try (EmbeddedMongo mongo = EmbeddedMongo.start(settings, QueryGuard.of(QueryGuard.Mode.FAIL));
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> chunks = client.getDatabase("cityloop-test").getCollection("photos.chunks");
            chunks.createIndex(Indexes.ascending("files_id", "n"), new IndexOptions().unique(true));
            List<Document> documents = new ArrayList<>();
            for (int file = 0; file < 100; file++) {
                for (int n = 0; n < 5; n++) {
                    documents.add(new Document("files_id", "f-" + file).append("n", n));
                }
            }
            chunks.insertMany(documents);
            reads.accept(chunks);
        }
        if (h2) {
            try (EmbeddedMongo mongo = EmbeddedMongo.start(settings, QueryGuard.of(QueryGuard.Mode.FAIL));
                 MongoClient client = MongoClients.create(mongo.connectionString())) {
                reads.accept(client.getDatabase("cityloop-test").getCollection("photos.chunks"));
            }
        }
    }

    @ParameterizedTest(name = "h2 file: {0}")
    @ValueSource(booleans = {false, true})
    void anAggregationsLeadingMatchIsReadThroughAnIndexAndGuarded(boolean h2) {
        withCases(settings(h2), cases -> {
            seed(cases);
            List<Document> byUnit = cases.aggregate(List.of(
                    new Document("$match", new Document("status", new Document("$in", List.of("FILED", "CLOSED")))),
                    new Document("$group", new Document("_id", "$status").append("count", new Document("$sum", 1))),
                    new Document("$sort", new Document("_id", 1)))).into(new ArrayList<>());
            assertThat(byUnit).extracting(row -> row.get("_id") + "=" + row.get("count"))
                    .containsExactly("CLOSED=200", "FILED=200");
            assertThatThrownBy(() -> cases.aggregate(List.of(
                    new Document("$match", new Document("category", "c1")),
                    new Document("$group", new Document("_id", "$unit")))).into(new ArrayList<>()))
                    .isInstanceOf(MongoException.class)
                    .hasMessageContaining("by a collection scan; filter {category: ?}");
        });
    }

    @Test
    void logModeOnlyWarnsAndOffIsTheDefault() {
        QueryGuard guard = QueryGuard.of(QueryGuard.Mode.LOG);
        try (EmbeddedMongo mongo = EmbeddedMongo.start(MongoSettings.inMemory("localhost", FreePorts.next()), guard);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> cases = client.getDatabase("cityloop-test").getCollection("cases");
            seed(cases);
            QueryGuard.Cost before = guard.cost();
            assertThat(cases.countDocuments(Filters.eq("category", "c2"))).isEqualTo(143);
            assertThat(cases.find(Filters.eq("status", STATUSES[0])).into(new ArrayList<>())).isNotEmpty();
            QueryGuard.Cost read = guard.cost().since(before);
            assertThat(read.queries()).isEqualTo(2);
            assertThat(read.examined()).isGreaterThanOrEqualTo(CASES);
            assertThat(guard.breaches()).containsExactly(java.util.Map.entry("cityloop-test.cases {category: ?}", 1L));
        }
        QueryGuard unset = new QueryGuard(null);
        assertThat(unset.modeFor("cityloop-intake")).isEqualTo(QueryGuard.Mode.OFF);
        unset.guard("cityloop-intake");
        assertThat(unset.modeFor("cityloop-intake")).isEqualTo(QueryGuard.Mode.FAIL);
        assertThat(unset.modeFor("cityloop-dispatch")).isEqualTo(QueryGuard.Mode.OFF);
    }
}
