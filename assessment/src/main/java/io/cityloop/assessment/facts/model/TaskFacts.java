package io.cityloop.assessment.facts.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What assessment knows about one task (任务) of a case. Facts keep their business time, so the state of the
 * task at any cut-off can be recomputed whatever order the events arrived in.
 *
 * @param deadline      the current deadline: the one set by the latest (by business time) dispatch or rework
 * @param deadlineSetAt business time of the event that set {@code deadline}; {@code null} while the deadline is only
 *                      known from a handling report
 * @param handlings     every 处理反馈, oldest first
 * @param reworks       every failed verification (返工), oldest first
 */
public record TaskFacts(
        String taskId,
        String unitId,
        String unitName,
        String districtCode,
        Instant dispatchedAt,
        Instant deadline,
        Instant deadlineSetAt,
        Instant acceptedAt,
        List<Handling> handlings,
        List<Instant> reworks,
        Instant verifiedAt) {

    public TaskFacts {
        handlings = List.copyOf(handlings);
        reworks = List.copyOf(reworks);
    }

    static TaskFacts firstSeen(String taskId, String unitId) {
        return new TaskFacts(taskId, unitId, null, null, null, null, null, null, List.of(), List.of(), null);
    }

    TaskFacts assigned(TaskAssignment assignment) {
        TaskFacts assigned = new TaskFacts(taskId, assignment.unitId(), assignment.unitName(),
                assignment.districtCode(), assignment.dispatchedAt(), deadline, deadlineSetAt, acceptedAt,
                handlings, reworks, verifiedAt);
        return assigned.deadlineSet(assignment.dispatchedAt(), assignment.deadline());
    }

    /** A later decision about the deadline wins, whichever arrives first. */
    TaskFacts deadlineSet(Instant at, Instant newDeadline) {
        if (newDeadline == null || (deadlineSetAt != null && deadlineSetAt.isAfter(at))) {
            return this;
        }
        return new TaskFacts(taskId, unitId, unitName, districtCode, dispatchedAt, newDeadline, at, acceptedAt,
                handlings, reworks, verifiedAt);
    }

    TaskFacts acceptedAt(Instant at) {
        return new TaskFacts(taskId, unitId, unitName, districtCode, dispatchedAt, deadline, deadlineSetAt, at,
                handlings, reworks, verifiedAt);
    }

    TaskFacts handled(Handling handling, Instant reportedDeadline) {
        List<Handling> more = new ArrayList<>(handlings);
        more.add(handling);
        more.sort((a, b) -> a.at().compareTo(b.at()));
        Instant knownDeadline = deadline != null ? deadline : reportedDeadline;
        return new TaskFacts(taskId, unitId, unitName, districtCode, dispatchedAt, knownDeadline, deadlineSetAt,
                acceptedAt, more, reworks, verifiedAt);
    }

    TaskFacts reworkRequired(Instant at) {
        List<Instant> more = new ArrayList<>(reworks);
        more.add(at);
        more.sort(Instant::compareTo);
        return new TaskFacts(taskId, unitId, unitName, districtCode, dispatchedAt, deadline, deadlineSetAt,
                acceptedAt, handlings, more, verifiedAt);
    }

    TaskFacts verified(Instant at) {
        return new TaskFacts(taskId, unitId, unitName, districtCode, dispatchedAt, deadline, deadlineSetAt,
                acceptedAt, handlings, reworks, at);
    }

    /** The last handling strictly before {@code cutOff}, if any. */
    public Optional<Handling> lastHandlingBefore(Instant cutOff) {
        Handling last = null;
        for (Handling handling : handlings) {
            if (handling.at().isBefore(cutOff)) {
                last = handling;
            }
        }
        return Optional.ofNullable(last);
    }

    /** Failed verifications strictly before {@code cutOff}. */
    public long reworksBefore(Instant cutOff) {
        return reworks.stream().filter(at -> at.isBefore(cutOff)).count();
    }

    /** Whether a failed verification reopened the task after {@code since} and before {@code cutOff}. */
    public boolean reopenedBetween(Instant since, Instant cutOff) {
        return reworks.stream().anyMatch(at -> at.isAfter(since) && at.isBefore(cutOff));
    }
}
