package io.cityloop.dispatch.task.adapters.persistence;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

import io.cityloop.dispatch.task.model.Assignment;
import io.cityloop.dispatch.task.model.Countdown;
import io.cityloop.dispatch.task.model.Handback;
import io.cityloop.dispatch.task.model.Handling;
import io.cityloop.dispatch.task.model.Hold;
import io.cityloop.dispatch.task.model.TaskJournal;
import io.cityloop.dispatch.task.model.TaskStatus;
import io.cityloop.dispatch.task.model.TaskSubject;
import io.cityloop.platform.outbox.OutboxEntry;

/**
 * A task as stored, with the events it caused that the relay has not yet published ({@code outbox}), so that the
 * state change and its events are one single-document write. The task's groups are unwrapped: each of their fields
 * is a top-level field of the document ({@code unitId}, {@code deadline}, {@code warned}, …), as the indexes, the
 * inbox's and the watch's queries, and the documents stored before the grouping name them; a group none of whose
 * fields is stored reads as the group with nothing in it.
 */
@Document(TaskDocument.COLLECTION)
public record TaskDocument(
        @Id String id,
        TaskStatus status,
        @Unwrapped.Empty TaskSubject subject,
        @Unwrapped.Empty Assignment assignment,
        @Unwrapped.Empty Countdown countdown,
        @Unwrapped.Empty Handling handling,
        @Unwrapped.Empty Hold hold,
        @Unwrapped.Empty Handback handback,
        @Unwrapped.Empty TaskJournal journal,
        List<OutboxEntry> outbox,
        @Version Long version) {

    public static final String COLLECTION = "tasks";
}
