package io.cityloop.infra;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.MongoCollection;
import java.lang.reflect.Field;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's memory and H2 backends with the declared secondary indexes honoured ({@link SecondaryIndex},
 * {@link IndexedQueries}) and each query's cost checked ({@link QueryGuard}). Written against 1.47.0: the H2 map
 * names and {@code H2Database}'s private store are that version's.
 */
final class IndexedBackends {

    private IndexedBackends() {
    }

    /** The part of a database the collections need once they answer queries. */
    interface GuardedDatabase {
        QueryGuard queryGuard();
    }

    private static QueryGuard guardOf(MongoDatabase database) {
        return database instanceof GuardedDatabase guarded ? guarded.queryGuard() : null;
    }

    // ---------------------------------------------------------------- memory

    static class Memory extends MemoryBackend {
        private final QueryGuard guard;

        Memory(QueryGuard guard) {
            this.guard = guard;
        }

        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new IndexedMemoryDatabase(databaseName, getCursorRegistry(), () -> guard);
        }
    }

    static final class IndexedMemoryDatabase extends MemoryDatabase implements GuardedDatabase {
        private final Supplier<QueryGuard> guard;

        IndexedMemoryDatabase(String name, CursorRegistry cursors, Supplier<QueryGuard> guard) {
            super(name, cursors);
            this.guard = guard;
        }

        @Override
        public QueryGuard queryGuard() {
            return guard == null ? null : guard.get();
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new IndexedMemoryCollection(this, collectionName, options, cursorRegistry);
        }

        @Override
        protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                         List<IndexKey> keys, boolean sparse) {
            return new OrderedUniqueIndex<>(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse),
                    sparse);
        }

        @Override
        protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                            List<IndexKey> keys, boolean sparse) {
            return new SecondaryIndex<>(indexName, keys, sparse);
        }
    }

    static final class IndexedMemoryCollection extends MemoryCollection implements IndexedQueries.Host<Integer> {

        IndexedMemoryCollection(MongoDatabase database, String name, CollectionOptions options,
                                CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        public Stream<Document> queryAllAsStream() {
            Document match = IndexedQueries.aggregationFilter(this);
            if (match == null) {
                return super.queryAllAsStream();
            }
            return handleQueryAsStream(new Document("$query", match));
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            return IndexedQueries.query(this, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        @Override
        public String databaseName() {
            return getDatabaseName();
        }

        @Override
        public String collectionName() {
            return getCollectionName();
        }

        @Override
        public List<Index<Integer>> indexes() {
            return getIndexes();
        }

        @Override
        public SecondaryIndex<Integer> ordered(OrderedUniqueIndex<Integer> index) {
            if (index.built()) {
                return index.ordered(List.of());
            }
            synchronized (this) {
                return index.ordered(streamAllDocumentsWithPosition().toList());
            }
        }

        @Override
        public Document document(Integer position) {
            return getDocument(position);
        }

        @Override
        public Stream<Document> allDocuments() {
            return streamAllDocumentsWithPosition().map(DocumentWithPosition::getDocument);
        }

        @Override
        public List<DocumentWithPosition<Integer>> documentsWithPositions() {
            return streamAllDocumentsWithPosition().toList();
        }

        @Override
        public boolean matches(Document document, Document filter) {
            return documentMatchesQuery(document, filter);
        }

        @Override
        public Comparator<Document> comparator(Document sort) {
            return deriveComparator(sort);
        }

        @Override
        public QueryResult answer(List<Document> documents, int batchSize, Document projection) {
            return matchDocumentsFromStream(new Document(), documents.stream(), 0, 0, batchSize, null, projection);
        }

        @Override
        public QueryResult natural(Document filter, Document sort, int skip, int limit, int batchSize,
                                   Document projection) {
            return super.queryDocuments(filter, sort, skip, limit, batchSize, projection);
        }

        @Override
        public QueryGuard guard() {
            return guardOf(getDatabase());
        }
    }

    // ---------------------------------------------------------------- H2

    static class H2 extends H2Backend {
        private final QueryGuard guard;

        H2(MVStore store, QueryGuard guard) {
            super(store);
            this.guard = guard;
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            // called from H2Backend's constructor too, before this.guard is set: read it when queried
            return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry(), () -> guard);
        }
    }

    static final class IndexedH2Database extends H2Database implements GuardedDatabase {
        private static final Field STORE = storeField();
        private final Supplier<QueryGuard> guard;

        IndexedH2Database(String name, MVStore store, CursorRegistry cursors, Supplier<QueryGuard> guard) {
            super(name, store, cursors);
            this.guard = guard;
        }

        @Override
        public QueryGuard queryGuard() {
            return guard == null ? null : guard.get();
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            // called from H2Database's constructor (this object's fields unset): the store comes from the superclass
            MVStore store = store();
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = store.openMap("databases." + fullName);
            MVMap<String, Object> metaMap = store.openMap("meta." + fullName);
            return new IndexedH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                        List<IndexKey> keys, boolean sparse) {
            return new OrderedUniqueIndex<>(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse),
                    sparse);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                           List<IndexKey> keys, boolean sparse) {
            return new SecondaryIndex<>(indexName, keys, sparse);
        }

        private MVStore store() {
            try {
                return (MVStore) STORE.get(this);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Field storeField() {
            try {
                Field field = H2Database.class.getDeclaredField("mvStore");
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("mongo-java-server's H2Database changed: no mvStore field", e);
            }
        }
    }

    static final class IndexedH2Collection extends H2Collection implements IndexedQueries.Host<Object> {

        IndexedH2Collection(MongoDatabase database, String name, CollectionOptions options,
                            MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursors) {
            super(database, name, options, dataMap, metaMap, cursors);
        }

        @Override
        public Stream<Document> queryAllAsStream() {
            Document match = IndexedQueries.aggregationFilter(this);
            if (match == null) {
                return super.queryAllAsStream();
            }
            return handleQueryAsStream(new Document("$query", match));
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            return IndexedQueries.query(this, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        @Override
        public String databaseName() {
            return getDatabaseName();
        }

        @Override
        public String collectionName() {
            return getCollectionName();
        }

        @Override
        public List<Index<Object>> indexes() {
            return getIndexes();
        }

        @Override
        public SecondaryIndex<Object> ordered(OrderedUniqueIndex<Object> index) {
            if (index.built()) {
                return index.ordered(List.of());
            }
            synchronized (this) {
                return index.ordered(streamAllDocumentsWithPosition().toList());
            }
        }

        @Override
        public Document document(Object position) {
            return getDocument(position);
        }

        @Override
        public Stream<Document> allDocuments() {
            return streamAllDocumentsWithPosition().map(DocumentWithPosition::getDocument);
        }

        @Override
        public List<DocumentWithPosition<Object>> documentsWithPositions() {
            return streamAllDocumentsWithPosition().toList();
        }

        @Override
        public boolean matches(Document document, Document filter) {
            return documentMatchesQuery(document, filter);
        }

        @Override
        public Comparator<Document> comparator(Document sort) {
            return deriveComparator(sort);
        }

        @Override
        public QueryResult answer(List<Document> documents, int batchSize, Document projection) {
            return matchDocumentsFromStream(new Document(), documents.stream(), 0, 0, batchSize, null, projection);
        }

        @Override
        public QueryResult natural(Document filter, Document sort, int skip, int limit, int batchSize,
                                   Document projection) {
            return super.queryDocuments(filter, sort, skip, limit, batchSize, projection);
        }

        @Override
        public QueryGuard guard() {
            return guardOf(getDatabase());
        }
    }
}
