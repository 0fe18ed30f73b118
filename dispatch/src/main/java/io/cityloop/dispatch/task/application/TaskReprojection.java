package io.cityloop.dispatch.task.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import io.cityloop.dispatch.calendar.application.DeadlineReprojector;
import io.cityloop.dispatch.calendar.application.MovedDeadline;
import io.cityloop.dispatch.calendar.model.CalendarDefinition;
import io.cityloop.dispatch.task.model.DeadlineRules;
import io.cityloop.dispatch.task.model.Performer;
import io.cityloop.dispatch.task.model.Task;
import io.cityloop.platform.concurrency.ConcurrentChangeRetry;

/**
 * Lays every open task's clock onto a changed calendar. A task changed meanwhile by somebody else is loaded again
 * and re-projected once more, so no open task keeps a deadline from the old calendar. Each moved deadline is
 * announced ({@code deadline-moved.v1}) through the task's outbox in the same write that stores it.
 */
@Component
class TaskReprojection implements DeadlineReprojector {

    private static final ConcurrentChangeRetry RETRY = ConcurrentChangeRetry.upTo(3);
    private static final String ADMIN_ROLE = "admin";

    private final TaskStore store;
    private final TaskDeadlines deadlines;
    private final Clock clock;

    TaskReprojection(TaskStore store, TaskDeadlines deadlines, Clock clock) {
        this.store = store;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    public List<MovedDeadline> reproject(CalendarDefinition calendar, String editedBy, String reason) {
        DeadlineRules rules = deadlines.on(calendar);
        Instant now = clock.instant();
        Performer admin = new Performer(editedBy, ADMIN_ROLE);
        List<MovedDeadline> moved = new ArrayList<>();
        for (Task task : store.open()) {
            reproject(task, rules, calendar.version(), admin, reason, now).ifPresent(moved::add);
        }
        return moved;
    }

    /** The first attempt works on the task as listed, each further one on the task as it is stored now. */
    private Optional<MovedDeadline> reproject(Task listed, DeadlineRules rules, long version, Performer admin,
                                              String reason, Instant now) {
        Iterator<Task> copies = Stream.iterate(listed, stale -> store.find(stale.id()).orElseThrow()).iterator();
        return RETRY.run(() -> reprojectOnce(copies.next(), rules, version, admin, reason, now));
    }

    private Optional<MovedDeadline> reprojectOnce(Task task, DeadlineRules rules, long version, Performer admin,
                                                  String reason, Instant now) {
        Optional<Instant> before = task.reproject(rules, version, admin, reason, now);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        store.update(task);
        return Optional.of(new MovedDeadline(task.id().value(), task.subject().caseId(), task.assignment().unitId(),
                before.get(), task.countdown().deadline()));
    }
}
