package io.cityloop.dispatch.task.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.cityloop.dispatch.routing.model.Route;
import io.cityloop.reference.TimeLimitSpec;
import io.cityloop.reference.WorkingCalendar;

/**
 * 任务: what the command center asks one handling unit (处置单位) to do about one case, with a deadline counted in
 * working time from the category's handling limit. Every change goes through a guarded method named after the
 * step of the loop; a step the current status does not allow throws {@link IllegalTransitionException}.
 */
public final class Task {

    private static final Performer AUTO_ROUTING = Performer.system("auto-routing");
    private static final Performer DEADLINE_WATCH = Performer.system("deadline-watch");

    private final TaskId id;
    private final String caseId;
    private final String sourceEventId;
    private final String previousTaskId;
    private final String unitId;
    private final String unitName;
    private final String categoryCode;
    private final String categoryName;
    private final String urgency;
    private final String districtCode;
    private final String gridCode;
    private final TimeLimitSpec timeLimit;
    private final String ruleId;
    private final long ruleSetVersion;
    private final String dispatchedBy;
    private final String dispatchReason;
    private TaskStatus status;
    private TaskStatus statusBeforeHold;
    private final Instant dispatchedAt;
    private Instant acceptedAt;
    private Instant handledAt;
    private DeadlineClock clock;
    private Instant deadline;
    private Instant warnAt;
    private Instant nextEscalationAt;
    private boolean warned;
    private boolean overdue;
    private int escalationLevel;
    private Boolean handledOnTime;
    private int reworkCount;
    private int extensionCount;
    private ExtensionRequest pendingExtension;
    private SuspensionRequest pendingSuspension;
    private String returnReason;
    private ReturnReview returnReview;
    private String redispatchedAs;
    private String note;
    private String photoRef;
    private long eventCount;
    private final List<TaskHistoryEntry> history;
    private final Set<String> appliedEventIds;
    private final Long version;
    private final List<TaskEvent> pendingEvents = new ArrayList<>();

    private Task(TaskSnapshot s) {
        this.id = new TaskId(s.id());
        this.caseId = s.caseId();
        this.sourceEventId = s.sourceEventId();
        this.previousTaskId = s.previousTaskId();
        this.unitId = s.unitId();
        this.unitName = s.unitName();
        this.categoryCode = s.categoryCode();
        this.categoryName = s.categoryName();
        this.urgency = s.urgency();
        this.districtCode = s.districtCode();
        this.gridCode = s.gridCode();
        this.timeLimit = s.timeLimit();
        this.ruleId = s.ruleId();
        this.ruleSetVersion = s.ruleSetVersion();
        this.dispatchedBy = s.dispatchedBy();
        this.dispatchReason = s.dispatchReason();
        this.status = s.status();
        this.statusBeforeHold = s.statusBeforeHold();
        this.dispatchedAt = s.dispatchedAt();
        this.acceptedAt = s.acceptedAt();
        this.handledAt = s.handledAt();
        this.clock = s.clock();
        this.deadline = s.deadline();
        this.warnAt = s.warnAt();
        this.nextEscalationAt = s.nextEscalationAt();
        this.warned = s.warned();
        this.overdue = s.overdue();
        this.escalationLevel = s.escalationLevel();
        this.handledOnTime = s.handledOnTime();
        this.reworkCount = s.reworkCount();
        this.extensionCount = s.extensionCount();
        this.pendingExtension = s.pendingExtension();
        this.pendingSuspension = s.pendingSuspension();
        this.returnReason = s.returnReason();
        this.returnReview = s.returnReview();
        this.redispatchedAs = s.redispatchedAs();
        this.note = s.note();
        this.photoRef = s.photoRef();
        this.eventCount = s.eventCount();
        this.history = new ArrayList<>(s.history() == null ? List.of() : s.history());
        this.appliedEventIds = new LinkedHashSet<>(s.appliedEventIds() == null ? List.of() : s.appliedEventIds());
        this.version = s.version();
    }

    /**
     * 派遣: creates the task for the routed unit. The deadline starts running at {@code now}, the moment of dispatch,
     * not when the case was filed: the dispatcher's own time limit is a separate measure.
     */
    public static Task dispatch(DispatchOrder order, DeadlineRules rules, Instant now) {
        Objects.requireNonNull(now, "now");
        Route route = order.route();
        TimeLimitSpec limit = route.category().handlingLimit();
        DeadlineClock clock = DeadlineClock.startingAt(now,
                limit.workingTime(rules.calendar().workingHoursPerDay()));
        Performer by = order.by() == null ? AUTO_ROUTING : order.by();
        Task task = new Task(new TaskSnapshot(order.id().value(), order.filed().caseId(), order.sourceEventId(),
                order.previousTaskId(), route.unit().id(), route.unit().name(), route.category().code(),
                route.category().name(), route.category().urgency().name(), order.filed().districtCode(),
                order.filed().gridCode(), limit, route.ruleId(), route.ruleSetVersion(), by.id(), order.reason(),
                TaskStatus.DISPATCHED, null, now, null, null, clock, null, null, null, false, false, 0, null, 0, 0,
                null, null, null, null, null, null, null, 0, List.of(), List.of(order.sourceEventId()), null));
        task.project(rules);
        task.record(now, "dispatched", null, by, order.reason() != null ? order.reason()
                : "routed to " + route.unit().name() + " by rule " + route.ruleId() + " v" + route.ruleSetVersion());
        task.pendingEvents.add(new TaskEvent.Dispatched(task.eventCount, now, by, task.deadline));
        return task;
    }

    public static Task restore(TaskSnapshot snapshot) {
        return new Task(snapshot);
    }

    /** 签收: the unit takes the task over. */
    public void accept(Performer by, Instant now) {
        onlyFrom(TaskStatus.DISPATCHED, TaskStatus.ACCEPTED, "accepted");
        TaskStatus from = moveTo(TaskStatus.ACCEPTED, "accepted");
        acceptedAt = now;
        record(now, "accepted", from, by, null);
        pendingEvents.add(new TaskEvent.Accepted(eventCount, now, by));
    }

    /** 处理反馈: the unit reports the result; whether it was on time is fixed now against the current deadline. */
    public void markHandled(Performer by, String note, String photoRef, Instant now) {
        TaskStatus from = moveTo(TaskStatus.HANDLED, "handled");
        this.handledAt = now;
        this.handledOnTime = !now.isAfter(deadline);
        this.note = note;
        this.photoRef = photoRef;
        record(now, "handled", from, by, note);
        pendingEvents.add(new TaskEvent.Handled(eventCount, now, by, note, photoRef, deadline, handledOnTime));
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
        returnReason = reason;
        record(now, "returned", from, by, reason);
        pendingEvents.add(new TaskEvent.Returned(eventCount, now, by, reason));
    }

    /** 回退审核: the dispatcher says whether the return was a routing error (justified) or not; once. */
    public void reviewReturn(Performer by, boolean justified, String reason, Instant now) {
        requireReason(reason, "reviewed");
        if (status != TaskStatus.RETURNED) {
            throw new IllegalTransitionException(id.value(), "reviewed", status, "only a returned task is reviewed");
        }
        if (returnReview != null) {
            throw new IllegalTransitionException(id.value(), "reviewed", status, "the return was already reviewed");
        }
        returnReview = new ReturnReview(justified, reason, by.id(), now);
        record(now, justified ? "return-accepted" : "return-rejected", status, by, reason);
        pendingEvents.add(new TaskEvent.ReturnReviewed(eventCount, now, by, justified, reason));
    }

    /**
     * Notes that the case went out again as {@code next}. Needs a reviewed return, so that every return is judged
     * before the case moves on; a task is replaced only once.
     */
    public void markRedispatched(TaskId next, Performer by, String reason, Instant now) {
        if (status != TaskStatus.RETURNED || returnReview == null || redispatchedAs != null) {
            throw new IllegalTransitionException(id.value(), "re-dispatched", status,
                    redispatchedAs != null ? "already re-dispatched as " + redispatchedAs
                            : "only a returned task whose return was reviewed is re-dispatched");
        }
        redispatchedAs = next.value();
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
        Instant requested = rules.calendar().plusWorkingTime(deadline, additional);
        pendingExtension = new ExtensionRequest(now, additional.toSeconds(), requested, reason, by.id());
        record(now, "extension-requested", from, by, reason);
        pendingEvents.add(new TaskEvent.ExtensionRequested(eventCount, now, by, requested, reason));
    }

    /** 延期审批: approval adds the requested working time to the limit; rejection leaves the deadline standing. */
    public void decideExtension(Performer by, boolean approved, String reason, DeadlineRules rules, Instant now) {
        requireReason(reason, "decided");
        TaskStatus from = release(TaskStatus.EXTENSION_REQUESTED, "extension-decided");
        if (approved) {
            clock = clock.extendedBy(Duration.ofSeconds(pendingExtension.additionalSeconds()));
            extensionCount++;
            warned = false;
            overdue = false;
            project(rules);
        }
        pendingExtension = null;
        record(now, approved ? "extension-approved" : "extension-rejected", from, by, reason);
        pendingEvents.add(new TaskEvent.ExtensionDecided(eventCount, now, by, approved, deadline, reason));
    }

    /** 挂账/缓办: the deadline clock stops until resumed. */
    public void suspend(Performer by, String reason, Instant now) {
        requireReason(reason, "suspended");
        if (status == TaskStatus.SUSPENSION_REQUESTED) {
            throw new IllegalTransitionException(id.value(), "suspended", status,
                    "the unit's suspension request is decided, not overridden");
        }
        TaskStatus from = hold(TaskStatus.SUSPENDED, "suspended");
        clock = clock.suspendedAt(now);
        record(now, "suspended", from, by, reason);
        pendingEvents.add(new TaskEvent.Suspended(eventCount, now, by, reason));
    }

    /**
     * 挂账申请: the unit asks the dispatcher to stop the clock, e.g. because works wait for a budget. The clock keeps
     * running until the dispatcher decides; the request is recorded in the history only (no event exists for it).
     */
    public void requestSuspension(Performer by, String reason, Instant now) {
        requireReason(reason, "asked to be suspended");
        TaskStatus from = hold(TaskStatus.SUSPENSION_REQUESTED, "asked to be suspended");
        pendingSuspension = new SuspensionRequest(now, reason, by.id());
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
        SuspensionRequest request = pendingSuspension;
        pendingSuspension = null;
        if (approved) {
            TaskStatus from = moveTo(TaskStatus.SUSPENDED, "suspension-approved");
            clock = clock.suspendedAt(now);
            record(now, "suspension-approved", from, by, reason);
            pendingEvents.add(new TaskEvent.Suspended(eventCount, now, by, request.reason()));
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
            clock = clock.resumedAt(now);
            statusBeforeHold = null;
        }
        TaskStatus from = moveTo(TaskStatus.RETURNED, "reassigned");
        returnReason = reason;
        record(now, "reassigned", from, by, reason);
        pendingEvents.add(new TaskEvent.Returned(eventCount, now, by, reason));
        String correction = "改派至" + targetUnitName + "（调度纠正派遣）：" + reason;
        returnReview = new ReturnReview(true, correction, by.id(), now);
        record(now, "return-accepted", status, by, correction);
        pendingEvents.add(new TaskEvent.ReturnReviewed(eventCount, now, by, true, correction));
        redispatchedAs = next.value();
        record(now, "redispatched", status, by, reason);
    }

    /**
     * The clock runs again and the deadline moves by the working time spent suspended. A 黄灯 or 红灯 already sent
     * stays sent: the task did use that share of its time.
     */
    public void resume(Performer by, String reason, DeadlineRules rules, Instant now) {
        TaskStatus from = release(TaskStatus.SUSPENDED, "resumed");
        clock = clock.resumedAt(now);
        project(rules);
        record(now, "resumed", from, by, reason);
        pendingEvents.add(new TaskEvent.Resumed(eventCount, now, by, deadline));
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
        if (appliedEventIds.contains(sourceEventId)) {
            return false;
        }
        onlyFrom(TaskStatus.HANDLED, TaskStatus.REWORK, "reopened for rework");
        TaskStatus from = moveTo(TaskStatus.REWORK, "reopened for rework");
        reworkCount++;
        clock = DeadlineClock.startingAt(now, timeLimit.workingTime(rules.calendar().workingHoursPerDay()));
        warned = false;
        overdue = false;
        project(rules);
        handledAt = null;
        handledOnTime = null;
        appliedEventIds.add(sourceEventId);
        record(now, "rework-dispatched", from, requestedBy, reason);
        pendingEvents.add(new TaskEvent.ReworkDispatched(eventCount, now, AUTO_ROUTING, deadline, reworkCount));
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
        long before = eventCount;
        if (!warned && !now.isBefore(warnAt)) {
            warned = true;
            record(warnAt, "deadline-warning", status, DEADLINE_WATCH, "time limit " + percent(rules) + " used");
            pendingEvents.add(new TaskEvent.Warned(eventCount, warnAt, DEADLINE_WATCH, deadline));
        }
        if (!overdue && now.isAfter(deadline)) {
            overdue = true;
            record(deadline, "overdue", status, DEADLINE_WATCH, "deadline passed without feedback");
            pendingEvents.add(new TaskEvent.WentOverdue(eventCount, deadline, DEADLINE_WATCH, deadline));
        }
        while (overdue && nextEscalationAt != null && !now.isBefore(nextEscalationAt)) {
            Instant due = nextEscalationAt;
            raiseEscalation(DEADLINE_WATCH, "超期" + (escalationLevel + 1) + "个督办周期未处置，自动督办", rules, due);
        }
        return eventCount != before;
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
        Instant before = deadline;
        project(rules);
        if (before.equals(deadline)) {
            return Optional.empty();
        }
        String reason = "working calendar v" + calendarVersion + (editReason == null ? "" : ": " + editReason);
        record(now, "deadline-reprojected", status, by, reason + " (" + before + " → " + deadline + ")");
        pendingEvents.add(new TaskEvent.DeadlineMoved(eventCount, now, by, before, deadline, reason));
        return Optional.of(before);
    }

    /** 超期 (红灯): the clock runs and the deadline has passed. Derived, so it cannot go stale. */
    public boolean isOverdue(Instant now) {
        return status.isClockRunning() && now.isAfter(deadline);
    }

    /** Working time left before the deadline, negative when overdue; {@code null} for a finished task. */
    public Duration remainingWorkingTime(WorkingCalendar calendar, Instant now) {
        return status.isOpen() ? clock.remaining(calendar, now) : null;
    }

    public boolean belongsTo(String unit) {
        return unitId.equals(unit);
    }

    public boolean hasApplied(String eventId) {
        return appliedEventIds.contains(eventId);
    }

    /** The events caused since the task was loaded or last drained; draining hands them over exactly once. */
    public List<TaskEvent> drainEvents() {
        List<TaskEvent> drained = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return drained;
    }

    public TaskSnapshot snapshot() {
        return new TaskSnapshot(id.value(), caseId, sourceEventId, previousTaskId, unitId, unitName, categoryCode,
                categoryName, urgency, districtCode, gridCode, timeLimit, ruleId, ruleSetVersion, dispatchedBy,
                dispatchReason, status, statusBeforeHold, dispatchedAt, acceptedAt, handledAt, clock, deadline, warnAt,
                nextEscalationAt, warned, overdue, escalationLevel, handledOnTime, reworkCount, extensionCount,
                pendingExtension, pendingSuspension, returnReason, returnReview, redispatchedAs, note, photoRef,
                eventCount, List.copyOf(history), List.copyOf(appliedEventIds), version);
    }

    private void raiseEscalation(Performer by, String reason, DeadlineRules rules, Instant at) {
        escalationLevel++;
        project(rules);
        record(at, "escalated", status, by, reason);
        pendingEvents.add(new TaskEvent.Escalated(eventCount, at, by, escalationLevel, reason));
    }

    /** Derives the deadline and the watch's two instants from the clock. */
    private void project(DeadlineRules rules) {
        WorkingCalendar calendar = rules.calendar();
        deadline = clock.deadline(calendar);
        warnAt = clock.shareReachedAt(calendar, rules.warningShare());
        nextEscalationAt = escalationLevel < rules.maxAutomaticLevel()
                ? calendar.plusWorkingTime(deadline, rules.escalationPeriod().multipliedBy(escalationLevel + 1L))
                : null;
    }

    /** Enters a waiting status (extension request, suspension), remembering where to come back to. */
    private TaskStatus hold(TaskStatus waiting, String verb) {
        TaskStatus from = moveTo(waiting, verb);
        statusBeforeHold = from;
        return from;
    }

    private TaskStatus release(TaskStatus waiting, String verb) {
        if (status != waiting) {
            throw new IllegalTransitionException(id.value(), verb, status, "the task is not " + waiting);
        }
        TaskStatus from = moveTo(statusBeforeHold, verb);
        statusBeforeHold = null;
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
        eventCount++;
        history.add(new TaskHistoryEntry(at, type, from, status, by.id(), by.role(), reason));
    }

    public TaskId id() {
        return id;
    }

    public String caseId() {
        return caseId;
    }

    public String sourceEventId() {
        return sourceEventId;
    }

    public String previousTaskId() {
        return previousTaskId;
    }

    public String unitId() {
        return unitId;
    }

    public String unitName() {
        return unitName;
    }

    public String categoryCode() {
        return categoryCode;
    }

    public String categoryName() {
        return categoryName;
    }

    public String urgency() {
        return urgency;
    }

    public String districtCode() {
        return districtCode;
    }

    public String gridCode() {
        return gridCode;
    }

    public TimeLimitSpec timeLimit() {
        return timeLimit;
    }

    public String ruleId() {
        return ruleId;
    }

    public long ruleSetVersion() {
        return ruleSetVersion;
    }

    public String dispatchedBy() {
        return dispatchedBy;
    }

    public String dispatchReason() {
        return dispatchReason;
    }

    public TaskStatus status() {
        return status;
    }

    public Instant dispatchedAt() {
        return dispatchedAt;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public Instant handledAt() {
        return handledAt;
    }

    public DeadlineClock clock() {
        return clock;
    }

    public Instant deadline() {
        return deadline;
    }

    public Instant warnAt() {
        return warnAt;
    }

    public boolean warned() {
        return warned;
    }

    public boolean overdueSignalled() {
        return overdue;
    }

    public int escalationLevel() {
        return escalationLevel;
    }

    /** {@code null} until the unit fed back. */
    public Boolean handledOnTime() {
        return handledOnTime;
    }

    public int reworkCount() {
        return reworkCount;
    }

    public int extensionCount() {
        return extensionCount;
    }

    public ExtensionRequest pendingExtension() {
        return pendingExtension;
    }

    public SuspensionRequest pendingSuspension() {
        return pendingSuspension;
    }

    public String returnReason() {
        return returnReason;
    }

    public ReturnReview returnReview() {
        return returnReview;
    }

    public String redispatchedAs() {
        return redispatchedAs;
    }

    public String note() {
        return note;
    }

    public String photoRef() {
        return photoRef;
    }

    public long eventCount() {
        return eventCount;
    }

    public Long version() {
        return version;
    }

    public List<TaskHistoryEntry> history() {
        return List.copyOf(history);
    }
}
