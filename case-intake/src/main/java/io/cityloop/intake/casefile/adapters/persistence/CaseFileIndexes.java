package io.cityloop.intake.casefile.adapters.persistence;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * The unique index that makes a retried report return its first case even under a race, and the indexes of the
 * operator's and the inspector's queues.
 */
@Component
class CaseFileIndexes implements ApplicationRunner {

    private final MongoTemplate mongo;

    CaseFileIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        IndexOperations indexes = mongo.indexOps(CaseFileDocument.COLLECTION);
        indexes.createIndex(new Index().on("reporter.id", Sort.Direction.ASC).on("idempotencyKey", Sort.Direction.ASC)
                .unique().named("report_idempotency"));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("reportedAt", Sort.Direction.ASC)
                .named("queue_by_status"));
        indexes.createIndex(new Index().on("verification.assignee", Sort.Direction.ASC).named("verifier"));
    }
}
