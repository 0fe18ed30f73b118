package io.cityloop.assessment.facts.adapters.persistence;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The month index the scorecard queries need, so they never scan every case, the open-task index that finds the
 * overdue backlog carried into later months ({@code openFrom < month}), and the snapshot index a frozen month
 * is read (in {@code _id} order) and dropped by.
 */
@Component
class CaseFactsIndexes implements ApplicationRunner {

    static final String COUNTS_IN = "countsIn";
    static final String OPEN_FROM = "openFrom";

    private final MongoTemplate mongo;

    CaseFactsIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        mongo.indexOps(CaseFactsDocument.class)
                .createIndex(new Index().on(COUNTS_IN, Sort.Direction.ASC).named(COUNTS_IN));
        mongo.indexOps(CaseFactsDocument.class)
                .createIndex(new Index().on(OPEN_FROM, Sort.Direction.ASC).sparse().named(OPEN_FROM));
        mongo.indexOps(MongoFrozenFactsStore.COLLECTION).createIndex(new Index().on("snapshotId", Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC).named("snapshot"));
    }
}
