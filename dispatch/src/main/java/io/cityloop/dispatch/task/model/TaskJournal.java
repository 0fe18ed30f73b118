package io.cityloop.dispatch.task.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What a task went through: the event or command that made it, the number of its steps (a step's number becomes the
 * sequence of the event it causes), its timeline, and the inbound events already applied, so that a redelivered one
 * changes nothing.
 */
public record TaskJournal(String sourceEventId, long eventCount, List<TaskHistoryEntry> history,
                          List<String> appliedEventIds) {

    public TaskJournal {
        history = history == null ? List.of() : List.copyOf(history);
        appliedEventIds = appliedEventIds == null ? List.of() : List.copyOf(appliedEventIds);
    }

    static TaskJournal startedBy(String sourceEventId) {
        return new TaskJournal(sourceEventId, 0, List.of(), List.of(sourceEventId));
    }

    public boolean hasApplied(String eventId) {
        return appliedEventIds.contains(eventId);
    }

    TaskJournal recorded(TaskHistoryEntry entry) {
        List<TaskHistoryEntry> longer = new ArrayList<>(history);
        longer.add(entry);
        return new TaskJournal(sourceEventId, eventCount + 1, longer, appliedEventIds);
    }

    TaskJournal applied(String eventId) {
        if (hasApplied(eventId)) {
            return this;
        }
        List<String> more = new ArrayList<>(appliedEventIds);
        more.add(eventId);
        return new TaskJournal(sourceEventId, eventCount, history, more);
    }
}
