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
                // a status's tasks by deadline, ties by _id as the lists page (and the overdue count's status + range)
                index("status_deadline_id", "status", "deadline", "_id"),
                // the command center's returned tasks not yet sent on, oldest first: returned tasks stay RETURNED
                // once re-dispatched, so without redispatchedAs in the key the list reads every one ever returned
                index("returned_awaiting", "status", "redispatchedAs", "dispatchedAt"),
                // The deadline watch's three thresholds. Each flag or time stays on a task once it is closed, so each
                // index narrows by the running statuses before the range: keyed on the range alone, the watch read
                // every closed task past it (12,000 documents a sweep late in the year run).
                index("watch_warning", "warned", "status", "warnAt"),
                index("watch_overdue", "overdue", "status", "deadline"),
                index("watch_escalation", "status", "nextEscalationAt"));
    }

    /** A filing event parks at most one case; the queue lists the waiting ones by age. */
    @Bean
    CollectionIndexes pendingDispatchIndexes() {
        return CollectionIndexes.of(PendingDispatchDocument.COLLECTION,
                index("filedEventId_unique", "filedEventId").unique(),
                index("waiting_parkedAt", "dispatchedTaskId", "parkedAt"));
    }
}
