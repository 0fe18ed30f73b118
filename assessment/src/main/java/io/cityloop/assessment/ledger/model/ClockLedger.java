package io.cityloop.assessment.ledger.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cityloop.assessment.facts.model.CaseFacts;
import io.cityloop.assessment.facts.model.StepKind;
import io.cityloop.assessment.facts.model.TaskFacts;
import io.cityloop.assessment.facts.model.TaskStep;

/**
 * 时钟台账: every working second of a case from its first dispatch to its close (or the cut-off) attributed to exactly
 * one holder — a unit's handling time for a dispatch, time back with the dispatcher, approved suspension, or waiting
 * for verification. The entries partition [start, end), so their working seconds add up to the elapsed working time.
 */
public final class ClockLedger {

    private final Instant start;
    private final Instant end;
    private final long elapsedSeconds;
    private final List<LedgerEntry> entries;
    private final Map<String, Long> unitSecondsByPhase;

    private ClockLedger(Instant start, Instant end, long elapsedSeconds, List<LedgerEntry> entries) {
        this.start = start;
        this.end = end;
        this.elapsedSeconds = elapsedSeconds;
        this.entries = List.copyOf(entries);
        this.unitSecondsByPhase = new HashMap<>();
        for (LedgerEntry entry : entries) {
            if (entry.kind() == LedgerKind.UNIT_HANDLING) {
                unitSecondsByPhase.merge(key(entry.taskId(), entry.phase()), entry.workingSeconds(), Long::sum);
            }
        }
    }

    /** The ledger of a case as it stands at {@code cutOff}. */
    public static ClockLedger of(CaseFacts facts, Instant cutOff, WorkingTimeScale scale) {
        List<Transition> transitions = transitions(facts);
        Instant start = null;
        for (Transition transition : transitions) {
            if (transition.step.kind() == StepKind.DISPATCHED
                    && (start == null || transition.step.at().isBefore(start))) {
                start = transition.step.at();
            }
        }
        Instant end = facts.closedAt() != null && facts.closedAt().isBefore(cutOff) ? facts.closedAt() : cutOff;
        if (start == null || !end.isAfter(start)) {
            return new ClockLedger(start, start, 0, List.of());
        }
        return new Walk(scale, start).run(transitions, end);
    }

    public Instant start() {
        return start;
    }

    public Instant end() {
        return end;
    }

    /** Working seconds from the first dispatch to the close or the cut-off. */
    public long elapsedSeconds() {
        return elapsedSeconds;
    }

    public List<LedgerEntry> entries() {
        return entries;
    }

    /** Working seconds the task's unit held the case in one phase (first dispatch = 0, then each rework). */
    public long unitSeconds(String taskId, int phase) {
        return unitSecondsByPhase.getOrDefault(key(taskId, phase), 0L);
    }

    /** Working seconds the task's unit held the case over all its phases. */
    public long unitSeconds(String taskId) {
        long seconds = 0;
        for (LedgerEntry entry : entries) {
            if (entry.kind() == LedgerKind.UNIT_HANDLING && entry.taskId().equals(taskId)) {
                seconds += entry.workingSeconds();
            }
        }
        return seconds;
    }

    /** Working seconds per kind, for the case view. */
    public Map<LedgerKind, Long> secondsByKind() {
        Map<LedgerKind, Long> totals = new java.util.EnumMap<>(LedgerKind.class);
        for (LedgerKind kind : LedgerKind.values()) {
            totals.put(kind, 0L);
        }
        entries.forEach(entry -> totals.merge(entry.kind(), entry.workingSeconds(), Long::sum));
        return totals;
    }

    private static String key(String taskId, int phase) {
        return taskId + '#' + phase;
    }

    private static List<Transition> transitions(CaseFacts facts) {
        List<Transition> transitions = new ArrayList<>();
        for (TaskFacts task : facts.tasks()) {
            for (TaskStep step : task.steps()) {
                transitions.add(new Transition(task, step));
            }
        }
        if (facts.tasks().size() > 1) {
            transitions.sort((a, b) -> TaskStep.BUSINESS_ORDER.compare(a.step, b.step));
        }
        return transitions;
    }

    private record Transition(TaskFacts task, TaskStep step) {
    }

    /** Walks the transitions in business time, closing a stretch at every change of holder. */
    private static final class Walk {
        private final WorkingTimeScale scale;
        private final Instant start;
        private final List<LedgerEntry> entries = new ArrayList<>();
        private final Map<String, Integer> phases = new HashMap<>();
        private LedgerKind kind;
        private TaskFacts holder;
        private int holderPhase;
        private Instant since;

        private Walk(WorkingTimeScale scale, Instant start) {
            this.scale = scale;
            this.start = start;
            this.since = start;
        }

        private ClockLedger run(List<Transition> transitions, Instant end) {
            for (Transition transition : transitions) {
                Instant at = transition.step.at();
                if (!at.isBefore(end)) {
                    break;
                }
                if (at.isBefore(start)) {
                    continue;
                }
                LedgerKind next = nextKind(transition);
                if (next != null) {
                    close(at);
                    kind = next;
                    holder = transition.task;
                    holderPhase = phases.getOrDefault(holder.taskId(), 0);
                }
            }
            close(end);
            return new ClockLedger(start, end, scale.secondsBetween(start, end), entries);
        }

        private LedgerKind nextKind(Transition transition) {
            String taskId = transition.task.taskId();
            boolean holds = holder != null && holder.taskId().equals(taskId);
            switch (transition.step.kind()) {
                case DISPATCHED:
                    phases.put(taskId, 0);
                    return LedgerKind.UNIT_HANDLING;
                case REWORK_DISPATCHED:
                    phases.merge(taskId, 1, Integer::sum);
                    return LedgerKind.UNIT_HANDLING;
                case SUSPENDED:
                    return holds && kind == LedgerKind.UNIT_HANDLING ? LedgerKind.SUSPENDED : null;
                case RESUMED:
                    return holds && kind == LedgerKind.SUSPENDED ? LedgerKind.UNIT_HANDLING : null;
                case RETURNED:
                case REWORK_REQUIRED:
                    return LedgerKind.WITH_DISPATCHER;
                case HANDLED:
                    return LedgerKind.AWAITING_VERIFICATION;
                default:
                    return null;
            }
        }

        private void close(Instant at) {
            if (kind == null || !at.isAfter(since)) {
                since = kind == null ? since : at;
                return;
            }
            int phase = holderPhase;
            long seconds = scale.secondsBetween(since, at);
            LedgerEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
            if (last != null && last.kind() == kind && last.taskId().equals(holder.taskId()) && last.phase() == phase) {
                entries.set(entries.size() - 1, new LedgerEntry(kind, last.taskId(), last.unitId(), phase,
                        last.from(), at, last.workingSeconds() + seconds));
            } else {
                entries.add(new LedgerEntry(kind, holder.taskId(), holder.unitId(), phase, since, at, seconds));
            }
            since = at;
        }
    }
}
