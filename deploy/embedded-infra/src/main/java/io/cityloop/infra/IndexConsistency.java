package io.cityloop.infra;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.AbstractMongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks every declared secondary index of the embedded server against the documents it indexes: each document's
 * entries present and pointing at it, no entry left for a document that no longer has that key. The indexes live in
 * memory and are rebuilt from the documents whenever the H2 file opens, so a crash between writes cannot leave a
 * stale entry behind; this is the check that shows it at the end of a drill (and that a write path keeps them
 * exact while the system runs).
 */
final class IndexConsistency {

    private static final int LIMIT_PER_INDEX = 5;

    private IndexConsistency() {
    }

    /** Lines naming {@code database.collection} and what differs; empty when every index is exact. */
    static List<String> check(MongoBackend backend) {
        List<String> differences = new ArrayList<>();
        for (IndexedQueries.Host<?> host : hosts(backend)) {
            differences.addAll(check(host, host));
        }
        return differences;
    }

    /** Every collection of the server that serves queries through its declared indexes. */
    static List<IndexedQueries.Host<?>> hosts(MongoBackend backend) {
        List<IndexedQueries.Host<?>> hosts = new ArrayList<>();
        for (MongoDatabase database : databases(backend)) {
            for (MongoCollection<?> collection : collections(database)) {
                if (collection instanceof IndexedQueries.Host<?> host) {
                    hosts.add(host);
                }
            }
        }
        return hosts;
    }

    /** Under the collection's lock: the server's writes hold it, so documents and indexes are seen at one instant. */
    private static <P> List<String> check(Object lock, IndexedQueries.Host<P> host) {
        List<String> differences = new ArrayList<>();
        synchronized (lock) {
            List<de.bwaldvogel.mongo.backend.DocumentWithPosition<P>> documents = host.documentsWithPositions();
            for (Index<P> index : host.indexes()) {
                if (index instanceof SecondaryIndex<P> secondary) {
                    secondary.differences(documents, LIMIT_PER_INDEX).forEach(difference -> differences.add(
                            host.databaseName() + "." + host.collectionName() + " " + difference));
                }
            }
        }
        return differences;
    }

    @SuppressWarnings("unchecked")
    private static List<MongoDatabase> databases(MongoBackend backend) {
        Map<String, MongoDatabase> databases = (Map<String, MongoDatabase>) read(AbstractMongoBackend.class,
                "databases", backend);
        return List.copyOf(databases.values());
    }

    @SuppressWarnings("unchecked")
    private static List<MongoCollection<?>> collections(MongoDatabase database) {
        Map<String, MongoCollection<?>> collections = (Map<String, MongoCollection<?>>) read(
                AbstractMongoDatabase.class, "collections", database);
        return List.copyOf(collections.values());
    }

    /** mongo-java-server keeps its databases and collections in private maps and offers no listing of them. */
    private static Object read(Class<?> owner, String name, Object target) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("mongo-java-server changed: no field " + owner.getSimpleName() + "."
                    + name, e);
        }
    }
}
