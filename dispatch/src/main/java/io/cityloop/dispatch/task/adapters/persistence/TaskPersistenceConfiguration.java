package io.cityloop.dispatch.task.adapters.persistence;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;

import io.cityloop.platform.outbox.OutboxCollection;

/**
 * The task collection's indexes and its registration with the outbox relay, and the dispatch queue's indexes.
 * Indexes are created while the context starts, before any listener consumes, so the unique filing indexes guard
 * the very first record.
 */
@Configuration(proxyBeanMethods = false)
class TaskPersistenceConfiguration {

    @Bean
    OutboxCollection taskOutbox() {
        return new OutboxCollection(TaskDocument.COLLECTION);
    }

    @Bean
    InitializingBean taskIndexes(MongoTemplate mongo) {
        return () -> {
            IndexOperations indexes = mongo.indexOps(TaskDocument.COLLECTION);
            indexes.createIndex(new Index().on("sourceEventId", Sort.Direction.ASC).unique()
                    .named("sourceEventId_unique"));
            indexes.createIndex(new Index().on("unitId", Sort.Direction.ASC).on("dispatchedAt", Sort.Direction.DESC)
                    .named("unit_dispatchedAt"));
            // the unfiltered task lists: newest first, or by deadline; ties by _id, as every list pages
            indexes.createIndex(new Index().on("dispatchedAt", Sort.Direction.DESC).on("_id", Sort.Direction.DESC)
                    .named("dispatchedAt_id"));
            indexes.createIndex(new Index().on("deadline", Sort.Direction.ASC).on("_id", Sort.Direction.ASC)
                    .named("deadline_id"));
            // a case's tasks (its first and its rework tasks), for audits and the tests' counts
            indexes.createIndex(new Index().on("caseId", Sort.Direction.ASC).named("caseId"));
            // the outbox relay's sweep ({"outbox.0": {$exists: true}}): only tasks with an event waiting are in it
            indexes.createIndex(new Index().on("outbox.0", Sort.Direction.ASC).sparse().named("pending_outbox"));
            indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("deadline", Sort.Direction.ASC)
                    .named("status_deadline"));
            indexes.createIndex(new Index().on("warned", Sort.Direction.ASC).on("warnAt", Sort.Direction.ASC)
                    .named("watch_warning"));
            indexes.createIndex(new Index().on("nextEscalationAt", Sort.Direction.ASC).named("watch_escalation"));
        };
    }

    /** A filing event parks at most one case; the queue lists the waiting ones by age. */
    @Bean
    InitializingBean pendingDispatchIndexes(MongoTemplate mongo) {
        return () -> {
            IndexOperations indexes = mongo.indexOps(PendingDispatchDocument.COLLECTION);
            indexes.createIndex(new Index().on("filedEventId", Sort.Direction.ASC).unique()
                    .named("filedEventId_unique"));
            indexes.createIndex(new Index().on("dispatchedTaskId", Sort.Direction.ASC)
                    .on("parkedAt", Sort.Direction.ASC).named("waiting_parkedAt"));
        };
    }
}
