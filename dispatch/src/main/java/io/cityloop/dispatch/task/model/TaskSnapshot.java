package io.cityloop.dispatch.task.model;

/**
 * Every fact of a task, for storing it and restoring it unchanged. Not a way to build a task in some state: tests
 * and services get there by replaying real transitions.
 */
public record TaskSnapshot(String id, TaskStatus status, TaskSubject subject, Assignment assignment,
                           Countdown countdown, Handling handling, Hold hold, Handback handback, TaskJournal journal,
                           Long version) {
}
