package io.cityloop.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Readers racing writers on the embedded server, on both backends: what a service reads must be a whole document as
 * of one moment, because it saves under the version it read. Without {@link SnapshotReads} the server handed out
 * half-updated documents (a few dozen in the reads below) and a counter's same number to two callers.
 */
class EmbeddedMongoReadConsistencyIntegrationTest {

    private static final List<String> LOOP = List.of("DISPATCHED", "ACCEPTED", "HANDLED", "VERIFYING", "REWORK");

    @TempDir
    Path dataDirectory;

    @ParameterizedTest(name = "in memory: {0}")
    @ValueSource(booleans = {true, false})
    void aReaderNeverSeesHalfAnUpdate(boolean inMemory) throws Exception {
        withDatabase(inMemory, database -> {
            MongoCollection<Document> cases = database.getCollection("cases");
            for (int i = 1; i <= 20; i++) {
                cases.insertOne(new Document("_id", caseId(i)).append("version", 0L).append("status", LOOP.get(0))
                        .append("reworkCount", 0L).append("description", "人民路与渭阳西路交叉口井盖破损".repeat(40)));
            }
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicLong halfUpdates = new AtomicLong();
            AtomicLong reads = new AtomicLong();
            List<Callable<Void>> work = new ArrayList<>();
            for (int reader = 0; reader < 3; reader++) {
                work.add(() -> {
                    while (writing.get()) {
                        for (Document found : cases.find()) {
                            reads.incrementAndGet();
                            if (!wholeAsOfItsVersion(found)) {
                                halfUpdates.incrementAndGet();
                            }
                        }
                    }
                    return null;
                });
            }
            for (int writer = 0; writer < 2; writer++) {
                int first = writer * 10 + 1;
                work.add(() -> {
                    try {
                        for (long version = 0; version < 1_000; version++) {
                            for (int i = first; i < first + 10; i++) {
                                cases.updateOne(Filters.and(Filters.eq("_id", caseId(i)), Filters.eq("version", version)),
                                        Updates.combine(Updates.set("status", statusAt(version + 1)),
                                                Updates.set("reworkCount", version + 1), Updates.inc("version", 1L)));
                            }
                        }
                    } finally {
                        writing.set(false);
                    }
                    return null;
                });
            }
            runAll(work);

            assertThat(reads.get()).isPositive();
            assertThat(halfUpdates.get()).as("documents read half-updated of %d reads", reads.get()).isZero();
        });
    }

    @ParameterizedTest(name = "in memory: {0}")
    @ValueSource(booleans = {true, false})
    void aCounterNeverHandsOutTheSameNumberTwice(boolean inMemory) throws Exception {
        withDatabase(inMemory, database -> {
            MongoCollection<Document> counters = database.getCollection("counters");
            counters.insertOne(new Document("_id", "case-20261123").append("value", 0L));
            Set<Long> handedOut = ConcurrentHashMap.newKeySet();
            AtomicLong calls = new AtomicLong();
            List<Callable<Void>> work = new ArrayList<>();
            for (int caller = 0; caller < 4; caller++) {
                work.add(() -> {
                    for (int n = 0; n < 1_500; n++) {
                        Document counter = counters.findOneAndUpdate(Filters.eq("_id", "case-20261123"),
                                Updates.inc("value", 1L),
                                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
                        calls.incrementAndGet();
                        handedOut.add(((Number) counter.get("value")).longValue());
                    }
                    return null;
                });
            }
            runAll(work);

            assertThat(handedOut).hasSize((int) calls.get());
        });
    }

    private static boolean wholeAsOfItsVersion(Document found) {
        long version = ((Number) found.get("version")).longValue();
        return statusAt(version).equals(found.getString("status"))
                && ((Number) found.get("reworkCount")).longValue() == version;
    }

    private static String statusAt(long version) {
        return LOOP.get((int) (version % LOOP.size()));
    }

    private static String caseId(int i) {
        return "CL20261123%06d".formatted(i);
    }

    private static void runAll(List<Callable<Void>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void withDatabase(boolean inMemory, ThrowingConsumer<com.mongodb.client.MongoDatabase> test)
            throws Exception {
        MongoSettings settings = inMemory ? MongoSettings.inMemory("localhost", FreePorts.next())
                : new MongoSettings("localhost", FreePorts.next(), dataDirectory, false);
        try (EmbeddedMongo mongo = EmbeddedMongo.start(settings);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            test.accept(client.getDatabase("cityloop-consistency-it"));
        }
    }

    @FunctionalInterface
    private interface ThrowingConsumer<T> {
        void accept(T value) throws Exception;
    }
}
