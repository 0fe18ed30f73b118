package io.cityloop.platform.persistence;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * Gives the collection of every versioned document a unique index on {@code (_id, version)}.
 *
 * <p>A real MongoDB answers an optimistic-locking update ({@code {_id: …, version: …}}) from the {@code _id} index
 * and needs none of this. The embedded wire server uses an index only when a query names exactly the index's keys,
 * and otherwise scans the collection: without this index every update of a case or task costs a pass over all of
 * them, and a month of cases slows every consumer down. The launcher switches it on for the embedded server only
 * ({@code cityloop.mongo.versioned-update-index}).
 */
public final class VersionedUpdateIndexes implements ApplicationRunner {

    /** The index's name in every collection it is created in. */
    public static final String NAME = "_id_version";

    private final MongoTemplate mongo;

    public VersionedUpdateIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure();
    }

    /** Creates the index where it is missing; returns the collections that have it. */
    public List<String> ensure() {
        List<String> collections = new ArrayList<>();
        for (MongoPersistentEntity<?> entity : mongo.getConverter().getMappingContext().getPersistentEntities()) {
            if (entity.hasVersionProperty() && entity.isAnnotationPresent(Document.class)) {
                mongo.indexOps(entity.getCollection()).createIndex(new Index()
                        .on("_id", Sort.Direction.ASC)
                        .on(entity.getRequiredVersionProperty().getFieldName(), Sort.Direction.ASC)
                        .unique()
                        .named(NAME));
                collections.add(entity.getCollection());
            }
        }
        return collections;
    }
}
