package io.cityloop.assessment.facts.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * 案件事实: everything the evaluation (考核) needs to know about one case, projected from both axes' events.
 *
 * <p>Every change names the event that causes it and is applied at most once: a redelivered or replayed event
 * returns the same instance. Events may arrive before the case's report (the two axes publish independently),
 * so a case is created on first sight and later facts fill it in.
 *
 * @param districtCode    the district (区县) where the problem is: as filed, else as reported
 * @param appliedEventIds ids of the events already applied, the proof of idempotence
 */
public record CaseFacts(
        String caseId,
        String districtCode,
        String categoryCode,
        String source,
        Instant reportedAt,
        Instant filedAt,
        Instant rejectedAt,
        Instant closedAt,
        List<TaskFacts> tasks,
        List<String> appliedEventIds) {

    public CaseFacts {
        tasks = List.copyOf(tasks);
        appliedEventIds = List.copyOf(appliedEventIds);
    }

    public static CaseFacts firstSeen(String caseId) {
        return new CaseFacts(caseId, null, null, null, null, null, null, null, List.of(), List.of());
    }

    public boolean hasApplied(String eventId) {
        return appliedEventIds.contains(eventId);
    }

    /** 信息采集. The filing decision, when known, outranks the report's district and category. */
    public CaseFacts reported(String eventId, Instant at, String reportedDistrict, String reportedCategory,
                              String reportSource) {
        if (hasApplied(eventId)) {
            return this;
        }
        boolean filingKnown = filedAt != null;
        return new CaseFacts(caseId, filingKnown ? districtCode : reportedDistrict,
                filingKnown ? categoryCode : reportedCategory, reportSource, at, filedAt, rejectedAt, closedAt,
                tasks, withId(eventId));
    }

    /** 立案. */
    public CaseFacts filed(String eventId, Instant at, String filedDistrict, String filedCategory) {
        if (hasApplied(eventId)) {
            return this;
        }
        return new CaseFacts(caseId, orElse(filedDistrict, districtCode), orElse(filedCategory, categoryCode),
                source, reportedAt, at, rejectedAt, closedAt, tasks, withId(eventId));
    }

    /** 不予立案. */
    public CaseFacts rejected(String eventId, Instant at) {
        if (hasApplied(eventId)) {
            return this;
        }
        return new CaseFacts(caseId, districtCode, categoryCode, source, reportedAt, filedAt, at, closedAt, tasks,
                withId(eventId));
    }

    /** 派遣: a task for a handling unit with its deadline. */
    public CaseFacts dispatched(String eventId, TaskAssignment assignment) {
        if (hasApplied(eventId)) {
            return this;
        }
        return withTask(eventId, assignment.taskId(), assignment.unitId(), task -> task.assigned(assignment));
    }

    /** 签收. */
    public CaseFacts accepted(String eventId, String taskId, String unitId, Instant at) {
        if (hasApplied(eventId)) {
            return this;
        }
        return withTask(eventId, taskId, unitId, task -> task.acceptedAt(at));
    }

    /** 处理反馈; {@code reportedDeadline} is used only while the dispatch is not yet known. */
    public CaseFacts handled(String eventId, String taskId, String unitId, Instant at, boolean onTime,
                             Instant reportedDeadline) {
        if (hasApplied(eventId)) {
            return this;
        }
        return withTask(eventId, taskId, unitId, task -> task.handled(new Handling(at, onTime), reportedDeadline));
    }

    /** 返工: a failed on-site check reopens the task. */
    public CaseFacts reworkRequired(String eventId, String taskId, String unitId, Instant at) {
        if (hasApplied(eventId)) {
            return this;
        }
        return withTask(eventId, taskId, unitId, task -> task.reworkRequired(at));
    }

    /** The reopened task got a new deadline. */
    public CaseFacts reworkDispatched(String eventId, String taskId, String unitId, Instant at, Instant deadline) {
        if (hasApplied(eventId)) {
            return this;
        }
        return withTask(eventId, taskId, unitId, task -> task.deadlineSet(at, deadline));
    }

    /** 核查通过. */
    public CaseFacts verified(String eventId, String taskId, Instant at) {
        if (hasApplied(eventId)) {
            return this;
        }
        return withTask(eventId, taskId, null, task -> task.verified(at));
    }

    /** 结案. */
    public CaseFacts closed(String eventId, Instant at) {
        if (hasApplied(eventId)) {
            return this;
        }
        return new CaseFacts(caseId, districtCode, categoryCode, source, reportedAt, filedAt, rejectedAt, at, tasks,
                withId(eventId));
    }

    /**
     * 核查 requested: no fact the unit and district scorecards use (the inspectors' timeliness is another
     * scorecard), remembered so that it is counted once like every other event.
     */
    public CaseFacts verificationRequested(String eventId, String taskId) {
        if (hasApplied(eventId)) {
            return this;
        }
        return withTask(eventId, taskId, null, UnaryOperator.identity());
    }

    public Optional<TaskFacts> task(String taskId) {
        return tasks.stream().filter(task -> task.taskId().equals(taskId)).findFirst();
    }

    /** Whether the case was closed strictly before {@code cutOff}. */
    public boolean closedBefore(Instant cutOff) {
        return closedAt != null && closedAt.isBefore(cutOff);
    }

    /** The district a task's problem lies in: the case's, else the one the dispatch named. */
    public String districtOf(TaskFacts task) {
        return districtCode != null ? districtCode : task.districtCode();
    }

    private CaseFacts withTask(String eventId, String taskId, String unitId, UnaryOperator<TaskFacts> change) {
        List<TaskFacts> changed = new ArrayList<>(tasks.size() + 1);
        boolean found = false;
        for (TaskFacts task : tasks) {
            if (task.taskId().equals(taskId)) {
                changed.add(change.apply(task));
                found = true;
            } else {
                changed.add(task);
            }
        }
        if (!found) {
            changed.add(change.apply(TaskFacts.firstSeen(taskId, unitId)));
        }
        return new CaseFacts(caseId, districtCode, categoryCode, source, reportedAt, filedAt, rejectedAt, closedAt,
                changed, withId(eventId));
    }

    private List<String> withId(String eventId) {
        List<String> ids = new ArrayList<>(appliedEventIds);
        ids.add(eventId);
        return ids;
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
