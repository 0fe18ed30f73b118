package io.cityloop.infra;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;

/**
 * Makes the embedded server answer every read with each document as it was at one moment, as MongoDB does.
 *
 * <p>mongo-java-server hands a query the very document objects it stores and encodes them on the wire after the
 * collection's lock is released, while an update rewrites such an object field by field under that lock. A reader
 * could thus get half an update — the new {@code version} with the old {@code status} — and a service that saves
 * what it read under that version would overwrite the other writer's change; a {@code findAndModify} counter could
 * hand two callers the same number. So a read command runs under its collection's lock and answers with copies.
 */
final class SnapshotReads {

    /** The commands that answer with stored documents; {@code getMore} names its collection apart. */
    private static final Set<String> READS = Set.of("find", "aggregate", "findandmodify", "getmore");

    private SnapshotReads() {
    }

    static MongoBackend memory(QueryGuard guard) {
        return new IndexedBackends.Memory(guard) {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                return answer(this, database, command, query,
                        () -> super.handleCommand(channel, database, command, query));
            }
        };
    }

    static MongoBackend h2(MVStore store, QueryGuard guard) {
        return new IndexedBackends.H2(store, guard) {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                return answer(this, database, command, query,
                        () -> super.handleCommand(channel, database, command, query));
            }
        };
    }

    private static Document answer(MongoBackend backend, String database, String command, Document query,
                                  Supplier<Document> handler) {
        String verb = command.toLowerCase(Locale.ROOT);
        if (!READS.contains(verb)) {
            return handler.get();
        }
        MongoCollection<?> collection = collectionRead(backend, database, verb, command, query);
        if (collection == null) {
            // nothing stored to share yet; a collection the command itself creates answers with a fresh document
            return handler.get().cloneDeeply();
        }
        // the server's collections synchronize their reads and writes on themselves
        synchronized (collection) {
            Document match = verb.equals("aggregate") ? IndexedQueries.leadingMatch(query) : null;
            if (match == null) {
                return handler.get().cloneDeeply();
            }
            // the server reads every document into a pipeline; let the collection read only what $match selects
            IndexedQueries.AGGREGATION_MATCH.set(new IndexedQueries.AggregationMatch(collection, match));
            try {
                return handler.get().cloneDeeply();
            } finally {
                IndexedQueries.AGGREGATION_MATCH.remove();
            }
        }
    }

    private static MongoCollection<?> collectionRead(MongoBackend backend, String database, String verb,
                                                     String command, Document query) {
        Object name = verb.equals("getmore") ? query.get("collection") : query.get(command);
        if (!(name instanceof String collectionName)) {
            return null;
        }
        return backend.resolveDatabase(database).resolveCollection(collectionName, false);
    }
}
