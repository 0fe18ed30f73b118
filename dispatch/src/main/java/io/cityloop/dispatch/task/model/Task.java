package io.cityloop.dispatch.task.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.cityloop.dispatch.routing.model.Route;
import io.cityloop.reference.WorkingCalendar;

/**
 * 任务: what the command center asks one handling unit (处置单位) to do about one case, with a deadline counted in
 * working time from the category's handling limit. Every change goes through a guarded method named after the
 * step of the loop; a step the current status does not allow throws {@link IllegalTransitionException}.
 *
 * <p>The task's facts are grouped by the steps that change them: what it is about ({@link TaskSubject}) and who got
 * it ({@link Assignment}) are fixed at dispatch; the deadline and its signals ({@link Countdown}), the unit's
 * handling ({@link Handling}), a waiting status ({@link Hold}) and a return ({@link Handback}) move with the steps;
 * every step is written to the {@link TaskJournal}.
 */
public final class Task {

    private static final Performer AUTO_ROUTING = Performer.system("auto-routing");
    private static final Performer DEADLINE_WATCH = Performer.system("deadline-watch");

    private final TaskId id;
    private final TaskSubject subject;
    private final Assignment assignment;
    private TaskStatus status;
    private Countdown countdown;
    private Handling handling;
    private Hold hold;
    private Handback handback;
    private TaskJournal journal;
    private final Long version;
    private final List<TaskEvent> pendingEvents = new ArrayList<>();

    private Task(TaskId id, TaskSubject subject, Assignment assignment, Countdown countdown, Handback handback,
                 TaskJournal journal) {
        this.id = id;
        this.subject = subject;
        this.assignment = assignment;
        this.status = TaskStatus.DISPATCHED;
        this.countdown = countdown;
        this.handling = Handling.NONE;
        this.hold = Hold.NONE;
        this.handback = handback;
        this.journal = journal;
        this.version = null;
    }

    private Task(TaskSnapshot s) {
        this.id = new TaskId(s.id());
        this.subject = s.subject();
        this.assignment = s.assignment();
        this.status = s.status();
        this.countdown = s.countdown();
        this.handling = s.handling();
        this.hold = s.hold();
        this.handback = s.handback();
        this.journal = s.journal();
        this.version = s.version();
    }

    /**
     * 派遣: creates the task for the routed unit. The deadline starts running at {@code now}, the moment of dispatch,
     * not when the case was filed: the dispatcher's own time limit is a separate measure.
     */
    public static Task dispatch(DispatchOrder order, DeadlineRules rules, Instant now) {
        Objects.requireNonNull(now, "now");
        Route route = order.route();
        Performer by = order.by() == null ? AUTO_ROUTING : order.by();
        TaskSubject subject = TaskSubject.of(order.filed(), route.category());
        Task task = new Task(order.id(), subject, Assignment.of(route, by, order.reason(), now),
                Countdown.startingAt(now, subject.timeLimit(), rules), Handback.replacing(order.previousTaskId()),
                TaskJournal.startedBy(order.sourceEventId()));
        task.record(now, "dispatched", null, by, order.reason() != null ? order.reason()
                : "routed to " + route.unit().name() + " by rule " + route.ruleId() + " v" + route.ruleSetVersion());
        task.pendingEvents.add(new TaskEvent.Dispatched(task.sequence(), now, by, task.countdown.deadline()));
        return task;
    }

    public static Task restore(TaskSnapshot snapshot) {
        return new Task(snapshot);
    }

    /** 签收: the unit takes the task over. */
    public void accept(Performer by, Instant now) {
        onlyFrom(TaskStatus.DISPATCHED, TaskStatus.ACCEPTED, "accepted");
        TaskStatus from = moveTo(TaskStatus.ACCEPTED, "accepted");
        handling = handling.signedAt(now);
        record(now, "accepted", from, by, null);
        pendingEvents.add(new TaskEvent.Accepted(sequence(), now, by));
    }

    /** 处理反馈: the unit reports the result; whether it was on time is fixed now against the current deadline. */
    public void markHandled(Performer by, String note, String photoRef, Instant now) {
        TaskStatus from = moveTo(TaskStatus.HANDLED, "handled");
        boolean onTime = !now.isAfter(countdown.deadline());
        handling = handling.handled(now, onTime, note, photoRef);
        record(now, "handled", from, by, note);
        pendingEvents.add(new TaskEvent.Handled(sequence(), now, by, note, photoRef, countdown.deadline(), onTime));
    }

    /**
     * 回退: the unit says the task is not theirs. The task ends; the unit's clock stops and the time is the
     * dispatcher's until the case is dispatched again.
     */
    public void returnToDispatcher(Performer by, String reason, Instant now) {
        requireReason(reason, "returned");
        if (status == TaskStatus.SUSPENDED) {
            throw new IllegalTransitionException(id.value(), "returned", status,
                    "a suspended task is moved to another unit by the dispatcher (改派), not returned");
        }
        TaskStatus from = moveTo(TaskStatus.RETURNED, "returned");
        handback = handback.returned(reason);
        record(now, "returned", from, by, reason);
        pendingEvents.add(new TaskEvent.Returned(sequence(), now, by, reason));
    }

    /** 回退审核: the dispatcher says whether the return was a routing error (justified) or not; once. */
    public void reviewReturn(Performer by, boolean justified, String reason, Instant now) {
        requireReason(reason, "reviewed");
        if (status != TaskStatus.RETURNED) {
            throw new IllegalTransitionException(id.value(), "reviewed", status, "only a returned task is reviewed");
        }
        if (handback.returnReview() != null) {
            throw new IllegalTransitionException(id.value(), "reviewed", status, "the return was already reviewed");
        }
        handback = handback.reviewed(new ReturnReview(justified, reason, by.id(), now));
        record(now, justified ? "return-accepted" : "return-rejected", status, by, reason);
        pendingEvents.add(new TaskEvent.ReturnReviewed(sequence(), now, by, justified, reason));
    }

    /**
     * Notes that the case went out again as {@code next}. Needs a reviewed return, so that every return is judged
     * before the case moves on; a task is replaced only once.
     */
    public void markRedispatched(TaskId next, Performer by, String reason, Instant now) {
        String replacedBy = handback.redispatchedAs();
        if (status != TaskStatus.RETURNED || handback.returnReview() == null || replacedBy != null) {
            throw new IllegalTransitionException(id.value(), "re-dispatched", status,
                    replacedBy != null ? "already re-dispatched as " + replacedBy
                            : "only a returned task whose return was reviewed is re-dispatched");
        }
        handback = handback.replacedBy(next);
        record(now, "redispatched", status, by, reason);
    }

    /** 延期申请: the unit asks for {@code additional} working time; the current deadline runs on meanwhile. */
    public void requestExtension(Performer by, Duration additional, String reason, DeadlineRules rules,
                                 Instant now) {
        requireReason(reason, "extended");
        if (additional.isZero() || additional.isNegative()) {
            throw new IllegalArgumentException("an extension must ask for positive working time");
        }
        TaskStatus from = hold(TaskStatus.EXTENSION_REQUESTED, "extension-requested");
        Instant requested = rules.calendar().plusWorkingTime(countdown.deadline(), additional);
        hold = hold.awaiting(new ExtensionRequest(now, additional.toSeconds(), requested, reason, by.id()));
        record(now, "extension-requested", from, by, reason);
        pendingEvents.add(new TaskEvent.ExtensionRequested(sequence(), now, by, requested, reason));
    }

    /** 延期审批: approval adds the requested working time to the limit; rejection leaves the deadline standing. */
    public void decideExtension(Performer by, boolean approved, String reason, DeadlineRules rules, Instant now) {
        requireReason(reason, "decided");
        ExtensionRequest request = hold.pendingExtension();
        TaskStatus from = release(TaskStatus.EXTENSION_REQUESTED, "extension-decided");
        if (approved) {
            countdown = countdown.extendedBy(Duration.ofSeconds(request.additionalSeconds()), rules);
            handling = handling.extended();
        }
        record(now, approved ? "extension-approved" : "extension-rejected", from, by, reason);
        pendingEvents.add(new TaskEvent.ExtensionDecided(sequence(), now, by, approved, countdown.deadline(),
                reason));
    }

    /** 挂账/缓办: the deadline clock stops until resumed. */
    public void suspend(Performer by, String reason, Instant now) {
        requireReason(reason, "suspended");
        if (status == TaskStatus.SUSPENSION_REQUESTED) {
            throw new IllegalTransitionException(id.value(), "suspended", status,
                    "the unit's suspension request is decided, not overridden");
        }
        TaskStatus from = hold(TaskStatus.SUSPENDED, "suspended");
        countdown = countdown.suspendedAt(now);
        record(now, "suspended", from, by, reason);
        pendingEvents.add(new TaskEvent.Suspended(sequence(), now, by, reason));
    }

    /**
     * 挂账申请: the unit asks the dispatcher to stop the clock, e.g. because works wait for a budget. The clock keeps
     * running until the dispatcher decides; the request is recorded in the history only (no event exists for it).
     */
    public void requestSuspension(Performer by, String reason, Instant now) {
        requireReason(reason, "asked to be suspended");
        TaskStatus from = hold(TaskStatus.SUSPENSION_REQUESTED, "asked to be suspended");
        hold = hold.awaiting(new SuspensionRequest(now, reason, by.id()));
        record(now, "suspension-requested", from, by, reason);
    }

    /**
     * 挂账审批: approval stops the clock exactly as the dispatcher's own suspension does and is announced as the
     * suspension, with the unit's grounds; rejection returns the task to where it was and is recorded only.
     */
    public void decideSuspension(Performer by, boolean approved, String reason, Instant now) {
        requireReason(reason, "decided");
        if (status != TaskStatus.SUSPENSION_REQUESTED) {
            throw new IllegalTransitionException(id.value(), "suspension-decided", status,
                    "the unit asked for no suspension");
        }
        SuspensionRequest request = hold.pendingSuspension();
        if (approved) {
            TaskStatus from = moveTo(TaskStatus.SUSPENDED, "suspension-approved");
            hold = Hold.returningTo(hold.statusBeforeHold());
            countdown = countdown.suspendedAt(now);
            record(now, "suspension-approved", from, by, reason);
            pendingEvents.add(new TaskEvent.Suspended(sequence(), now, by, request.reason()));
        } else {
            TaskStatus from = release(TaskStatus.SUSPENSION_REQUESTED, "suspension-rejected");
            record(now, "suspension-rejected", from, by, reason);
        }
    }

    /**
     * 改派 of an open task: the dispatcher corrects the routing. The task ends the way a return does, with the
     * return judged justified at once (a routing error, not the unit's fault), so every consumer of returns sees
     * it; the case goes on as {@code next}. A pending extension or suspension request must be decided first, so the
     * unit's request is answered; a suspension in force ends here.
     */
    public void reassign(TaskId next, Performer by, String targetUnitName, String reason, Instant now) {
        requireReason(reason, "reassigned");
        if (status != TaskStatus.DISPATCHED && status != TaskStatus.ACCEPTED && status != TaskStatus.SUSPENDED) {
            throw new IllegalTransitionException(id.value(), "reassigned", status,
                    "only a dispatched, accepted or suspended task is moved to another unit");
        }
        if (status == TaskStatus.SUSPENDED) {
            countdown = countdown.resumedAt(now);
            hold = Hold.NONE;
        }
        TaskStatus from = moveTo(TaskStatus.RETURNED, "reassigned");
        handback = handback.returned(reason);
        record(now, "reassigned", from, by, reason);
        pendingEvents.add(new TaskEvent.Returned(sequence(), now, by, reason));
        String correction = "改派至" + targetUnitName + "（调度纠正派遣）：" + reason;
        handback = handback.reviewed(new ReturnReview(true, correction, by.id(), now));
        record(now, "return-accepted", status, by, correction);
        pendingEvents.add(new TaskEvent.ReturnReviewed(sequence(), now, by, true, correction));
        handback = handback.replacedBy(next);
        record(now, "redispatched", status, by, reason);
    }

    /**
     * The clock runs again and the deadline moves by the working time spent suspended. A 黄灯 or 红灯 already sent
     * stays sent: the task did use that share of its time.
     */
    public void resume(Performer by, String reason, DeadlineRules rules, Instant now) {
        TaskStatus from = release(TaskStatus.SUSPENDED, "resumed");
        countdown = countdown.resumedAt(now).projected(rules);
        record(now, "resumed", from, by, reason);
        pendingEvents.add(new TaskEvent.Resumed(sequence(), now, by, countdown.deadline()));
    }

    /**
     * 返工: the on-site check failed, so the same unit gets the task back with a fresh limit counted from
     * {@code now}. The earlier feedback stays in the history.
     *
     * @param sourceEventId the rework request; a request already applied changes nothing
     * @return {@code false} when the request was already applied
     */
    public boolean reopenForRework(String sourceEventId, Performer requestedBy, String reason, DeadlineRules rules,
                                   Instant now) {
        if (journal.hasApplied(sourceEventId)) {
            return false;
        }
        onlyFrom(TaskStatus.HANDLED, TaskStatus.REWORK, "reopened for rework");
        TaskStatus from = moveTo(TaskStatus.REWORK, "reopened for rework");
        handling = handling.reopened();
        countdown = countdown.restartedAt(now, subject.timeLimit(), rules);
        journal = journal.applied(sourceEventId);
        record(now, "rework-dispatched", from, requestedBy, reason);
        pendingEvents.add(new TaskEvent.ReworkDispatched(sequence(), now, AUTO_ROUTING, countdown.deadline(),
                handling.reworkCount()));
        return true;
    }

    /** 督办 by a supervisor: one level up, whatever the deadline says. */
    public void escalate(Performer by, String reason, DeadlineRules rules, Instant now) {
        requireReason(reason, "escalated");
        if (!status.isOpen()) {
            throw new IllegalTransitionException(id.value(), "escalated", status, "only an open task is escalated");
        }
        raiseEscalation(by, reason, rules, now);
    }

    /**
     * The deadline watch's look at the task at {@code now}: 黄灯 once the warning share is used, 红灯 once the
     * deadline has passed, and an automatic 督办 level for every escalation period overdue. Each fires once per
     * deadline; the event carries the instant the threshold was crossed, not the instant it was noticed.
     *
     * @return whether anything fired
     */
    public boolean watch(DeadlineRules rules, Instant now) {
        if (!status.isClockRunning()) {
            return false;
        }
        long before = sequence();
        if (countdown.warningDue(now)) {
            countdown = countdown.warningSent();
            Instant at = countdown.warnAt();
            record(at, "deadline-warning", status, DEADLINE_WATCH, "time limit " + percent(rules) + " used");
            pendingEvents.add(new TaskEvent.Warned(sequence(), at, DEADLINE_WATCH, countdown.deadline()));
        }
        if (countdown.overdueDue(now)) {
            countdown = countdown.overdueSent();
            Instant at = countdown.deadline();
            record(at, "overdue", status, DEADLINE_WATCH, "deadline passed without feedback");
            pendingEvents.add(new TaskEvent.WentOverdue(sequence(), at, DEADLINE_WATCH, at));
        }
        while (countdown.escalationDue(now)) {
            raiseEscalation(DEADLINE_WATCH, "超期" + (countdown.escalationLevel() + 1) + "个督办周期未处置，自动督办",
                    rules, countdown.nextEscalationAt());
        }
        return sequence() != before;
    }

    /**
     * Lays the clock onto a changed calendar. Signals already sent stay sent.
     *
     * @return the deadline before, when it moved
     */
    public Optional<Instant> reproject(DeadlineRules rules, long calendarVersion, Performer by, String editReason,
                                       Instant now) {
        if (!status.isOpen()) {
            return Optional.empty();
        }
        Instant before = countdown.deadline();
        countdown = countdown.projected(rules);
        Instant after = countdown.deadline();
        if (before.equals(after)) {
            return Optional.empty();
        }
        String reason = "working calendar v" + calendarVersion + (editReason == null ? "" : ": " + editReason);
        record(now, "deadline-reprojected", status, by, reason + " (" + before + " → " + after + ")");
        pendingEvents.add(new TaskEvent.DeadlineMoved(sequence(), now, by, before, after, reason));
        return Optional.of(before);
    }

    /** 超期 (红灯): the clock runs and the deadline has passed. Derived, so it cannot go stale. */
    public boolean isOverdue(Instant now) {
        return status.isClockRunning() && now.isAfter(countdown.deadline());
    }

    /** Working time left before the deadline, negative when overdue; {@code null} for a finished task. */
    public Duration remainingWorkingTime(WorkingCalendar calendar, Instant now) {
        return status.isOpen() ? countdown.clock().remaining(calendar, now) : null;
    }

    public boolean belongsTo(String unit) {
        return assignment.unitId().equals(unit);
    }

    public boolean hasApplied(String eventId) {
        return journal.hasApplied(eventId);
    }

    /** The events caused since the task was loaded or last drained, left in place for the store to drain. */
    public List<TaskEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    /** The events caused since the task was loaded or last drained; draining hands them over exactly once. */
    public List<TaskEvent> drainEvents() {
        List<TaskEvent> drained = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return drained;
    }

    public TaskSnapshot snapshot() {
        return new TaskSnapshot(id.value(), status, subject, assignment, countdown, handling, hold, handback, journal,
                version);
    }

    private void raiseEscalation(Performer by, String reason, DeadlineRules rules, Instant at) {
        countdown = countdown.escalated(rules);
        record(at, "escalated", status, by, reason);
        pendingEvents.add(new TaskEvent.Escalated(sequence(), at, by, countdown.escalationLevel(), reason));
    }

    /** Enters a waiting status (extension request, suspension), remembering where to come back to. */
    private TaskStatus hold(TaskStatus waiting, String verb) {
        TaskStatus from = moveTo(waiting, verb);
        hold = Hold.returningTo(from);
        return from;
    }

    private TaskStatus release(TaskStatus waiting, String verb) {
        if (status != waiting) {
            throw new IllegalTransitionException(id.value(), verb, status, "the task is not " + waiting);
        }
        TaskStatus from = moveTo(hold.statusBeforeHold(), verb);
        hold = Hold.NONE;
        return from;
    }

    /**
     * Some edges are shared: ACCEPTED is reached by signing and by coming back from a hold. The command that
     * signs comes only from DISPATCHED; the one that reopens only from HANDLED.
     */
    private void onlyFrom(TaskStatus required, TaskStatus target, String verb) {
        if (status != required) {
            throw new IllegalTransitionException(id.value(), verb, status, target);
        }
    }

    private TaskStatus moveTo(TaskStatus target, String verb) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException(id.value(), verb, status, target);
        }
        TaskStatus from = status;
        status = target;
        return from;
    }

    private static void requireReason(String reason, String verb) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a task is " + verb + " only with a reason");
        }
    }

    private static String percent(DeadlineRules rules) {
        return Math.round(rules.warningShare() * 100) + "%";
    }

    private void record(Instant at, String type, TaskStatus from, Performer by, String reason) {
        journal = journal.recorded(new TaskHistoryEntry(at, type, from, status, by.id(), by.role(), reason));
    }

    /** The journal's step count: the sequence of the event the latest step causes. */
    private long sequence() {
        return journal.eventCount();
    }

    public TaskId id() {
        return id;
    }

    public TaskStatus status() {
        return status;
    }

    public TaskSubject subject() {
        return subject;
    }

    public Assignment assignment() {
        return assignment;
    }

    public Countdown countdown() {
        return countdown;
    }

    public Handling handling() {
        return handling;
    }

    public Hold hold() {
        return hold;
    }

    public Handback handback() {
        return handback;
    }

    public TaskJournal journal() {
        return journal;
    }

    public Long version() {
        return version;
    }
}
