package io.cityloop.dispatch.task.adapters.persistence;

import static io.cityloop.platform.persistence.CollectionIndexes.index;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityloop.platform.outbox.OutboxCollection;
import io.cityloop.platform.persistence.CollectionIndexes;

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
    CollectionIndexes taskIndexes() {
        return CollectionIndexes.of(TaskDocument.COLLECTION,
                index("sourceEventId_unique", "sourceEventId").unique(),
                index("unit_dispatchedAt", "unitId", "-dispatchedAt"),
                // the unfiltered task lists: newest first, or by deadline; ties by _id, as every list pages
                index("dispatchedAt_id", "-dispatchedAt", "-_id"),
                index("deadline_id", "deadline", "_id"),
                // a case's tasks (its first and its rework tasks), for audits and the tests' counts
                index("caseId", "caseId"),
                // the outbox relay's sweep ({"outbox.0": {$exists: true}}): only tasks with an event waiting are in it
                index("pending_outbox", "outbox.0").sparse(),
                index("status_deadline", "status", "deadline"),
                index("watch_warning", "warned", "warnAt"),
                index("watch_escalation", "nextEscalationAt"));
    }

    /** A filing event parks at most one case; the queue lists the waiting ones by age. */
    @Bean
    CollectionIndexes pendingDispatchIndexes() {
        return CollectionIndexes.of(PendingDispatchDocument.COLLECTION,
                index("filedEventId_unique", "filedEventId").unique(),
                index("waiting_parkedAt", "dispatchedTaskId", "parkedAt"));
    }
}
