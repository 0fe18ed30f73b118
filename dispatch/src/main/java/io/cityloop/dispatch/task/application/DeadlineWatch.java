package io.cityloop.dispatch.task.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.cityloop.dispatch.task.model.DeadlineRules;
import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskEvent;

/**
 * 超期监控: sweeps the tasks whose clock runs for 黄灯, 红灯 and automatic 督办, at the injected clock's time (so a
 * simulation that moves the clock moves the watch).
 *
 * <p>Safe on many replicas without a lock: each signal is a flag on the task set in the same conditional write
 * (on the task's version) as the event's outbox entry. Two replicas that see the same task both try; exactly one
 * write matches the version, the other finds the task changed and leaves it to the next sweep, which sees the flag.
 */
@Component
public class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

    private final TaskStore store;
    private final TaskDeadlines deadlines;
    private final DeadlineSettings settings;
    private final TaskMetrics metrics;
    private final Clock clock;

    public DeadlineWatch(TaskStore store, TaskDeadlines deadlines, DeadlineSettings settings, TaskMetrics metrics,
                         Clock clock) {
        this.store = store;
        this.deadlines = deadlines;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${cityloop.dispatch.deadlines.watch-interval:5s}",
            fixedDelayString = "${cityloop.dispatch.deadlines.watch-interval:5s}")
    void scheduledSweep() {
        if (settings.watchEnabled()) {
            sweep();
        }
    }

    /** One look at every task that may have crossed a threshold; returns how many tasks this replica signalled. */
    public int sweep() {
        Instant now = clock.instant();
        DeadlineRules rules = deadlines.rules();
        List<Task> due = store.dueForWatch(now, settings.watchBatch());
        int signalled = 0;
        for (Task task : due) {
            if (signal(task, rules, now)) {
                signalled++;
            }
        }
        if (signalled > 0) {
            log.info("deadline watch signalled {} task(s) at {}", signalled, now);
        }
        return signalled;
    }

    private boolean signal(Task task, DeadlineRules rules, Instant now) {
        if (!task.watch(rules, now)) {
            return false;
        }
        List<TaskEvent> signals = task.pendingEvents();
        try {
            store.update(task);
        } catch (OptimisticLockingFailureException e) {
            log.debug("task {} changed while being watched; the next sweep looks again", task.id());
            return false;
        }
        signals.forEach(signal -> metrics.signalled(task.assignment().unitId(), signal));
        return true;
    }
}
