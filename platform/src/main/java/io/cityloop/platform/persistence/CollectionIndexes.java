package io.cityloop.platform.persistence;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.IndexOperations;

/**
 * The indexes of one collection, declared as a bean by the persistence adapter whose queries need them. The platform
 * creates every declared set once all beans exist, before any listener consumes, any request is served or any worker
 * runs, so a unique index guards the very first write; creating an index that exists already changes nothing, so
 * every start of every replica declares them all.
 */
public final class CollectionIndexes {

    private final String collection;
    private final Class<?> documentType;
    private final List<IndexDefinition> indexes;

    private CollectionIndexes(String collection, Class<?> documentType, List<IndexDefinition> indexes) {
        this.collection = collection;
        this.documentType = documentType;
        this.indexes = List.copyOf(indexes);
    }

    public static CollectionIndexes of(String collection, IndexDefinition... indexes) {
        return new CollectionIndexes(collection, null, List.of(indexes));
    }

    /** The indexes of the collection {@code documentType} is mapped to. */
    public static CollectionIndexes of(Class<?> documentType, IndexDefinition... indexes) {
        return new CollectionIndexes(null, documentType, List.of(indexes));
    }

    /**
     * An index named {@code name} on {@code keys} in their order, each ascending, or descending when written
     * {@code -field}; {@code unique()} and {@code sparse()} as on every {@link Index}.
     */
    public static Index index(String name, String... keys) {
        Index index = new Index();
        for (String key : keys) {
            index = key.startsWith("-") ? index.on(key.substring(1), Sort.Direction.DESC)
                    : index.on(key, Sort.Direction.ASC);
        }
        return index.named(name);
    }

    public CollectionIndexes with(IndexDefinition index) {
        List<IndexDefinition> more = new ArrayList<>(indexes);
        more.add(index);
        return new CollectionIndexes(collection, documentType, more);
    }

    public List<IndexDefinition> indexes() {
        return indexes;
    }

    public void createIn(MongoTemplate mongo) {
        IndexOperations operations = documentType == null ? mongo.indexOps(collection) : mongo.indexOps(documentType);
        indexes.forEach(operations::createIndex);
    }
}
