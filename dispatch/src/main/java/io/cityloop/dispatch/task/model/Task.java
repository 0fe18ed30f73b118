package io.cityloop.dispatch.task.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
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

    private final TaskId id;
    private final String caseId;
    private final String sourceEventId;
    private final String unitId;
    private final String unitName;
    private final String categoryCode;
    private final String categoryName;
    private final String districtCode;
    private final String gridCode;
    private final TimeLimitSpec timeLimit;
    private TaskStatus status;
    private final Instant dispatchedAt;
    private Instant acceptedAt;
    private Instant handledAt;
    private Instant deadline;
    private Boolean handledOnTime;
    private int reworkCount;
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
        this.unitId = s.unitId();
        this.unitName = s.unitName();
        this.categoryCode = s.categoryCode();
        this.categoryName = s.categoryName();
        this.districtCode = s.districtCode();
        this.gridCode = s.gridCode();
        this.timeLimit = s.timeLimit();
        this.status = s.status();
        this.dispatchedAt = s.dispatchedAt();
        this.acceptedAt = s.acceptedAt();
        this.handledAt = s.handledAt();
        this.deadline = s.deadline();
        this.handledOnTime = s.handledOnTime();
        this.reworkCount = s.reworkCount();
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
     *
     * @param sourceEventId the filing event this task answers, remembered so a redelivery is recognised
     */
    public static Task dispatch(TaskId id, FiledCase filed, Route route, WorkingCalendar calendar, Instant now,
                                String sourceEventId) {
        Objects.requireNonNull(now, "now");
        TimeLimitSpec limit = route.category().handlingLimit();
        Task task = new Task(new TaskSnapshot(id.value(), filed.caseId(), sourceEventId, route.unit().id(),
                route.unit().name(), route.category().code(), route.category().name(), filed.districtCode(),
                filed.gridCode(), limit, TaskStatus.DISPATCHED, now, null, null, calendar.deadline(now, limit), null,
                0, null, null, 0, List.of(), List.of(sourceEventId), null));
        task.record(now, "dispatched", null, AUTO_ROUTING, "routed to " + route.unit().name());
        task.pendingEvents.add(new TaskEvent.Dispatched(task.eventCount, now, AUTO_ROUTING, task.deadline));
        return task;
    }

    public static Task restore(TaskSnapshot snapshot) {
        return new Task(snapshot);
    }

    /** 签收: the unit takes the task over. */
    public void accept(Performer by, Instant now) {
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
     * 返工: the on-site check failed, so the same unit gets the task back with a fresh deadline counted from
     * {@code now}. The earlier feedback stays in the history.
     *
     * @param sourceEventId the rework request; a request already applied changes nothing
     * @return {@code false} when the request was already applied
     */
    public boolean reopenForRework(String sourceEventId, Performer requestedBy, String reason,
                                   WorkingCalendar calendar, Instant now) {
        if (appliedEventIds.contains(sourceEventId)) {
            return false;
        }
        TaskStatus from = moveTo(TaskStatus.REWORK, "reopened for rework");
        reworkCount++;
        deadline = calendar.deadline(now, timeLimit);
        handledAt = null;
        handledOnTime = null;
        appliedEventIds.add(sourceEventId);
        record(now, "rework-dispatched", from, requestedBy, reason);
        pendingEvents.add(new TaskEvent.ReworkDispatched(eventCount, now, AUTO_ROUTING, deadline, reworkCount));
        return true;
    }

    /** 超期 (红灯): still open and past its deadline. Derived, never stored, so it cannot go stale. */
    public boolean isOverdue(Instant now) {
        return status.isOpen() && now.isAfter(deadline);
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
        return new TaskSnapshot(id.value(), caseId, sourceEventId, unitId, unitName, categoryCode, categoryName,
                districtCode, gridCode, timeLimit, status, dispatchedAt, acceptedAt, handledAt, deadline,
                handledOnTime, reworkCount, note, photoRef, eventCount, List.copyOf(history),
                List.copyOf(appliedEventIds), version);
    }

    private TaskStatus moveTo(TaskStatus target, String verb) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException(id.value(), verb, status, target);
        }
        TaskStatus from = status;
        status = target;
        return from;
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

    public String districtCode() {
        return districtCode;
    }

    public String gridCode() {
        return gridCode;
    }

    public TimeLimitSpec timeLimit() {
        return timeLimit;
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

    public Instant deadline() {
        return deadline;
    }

    /** {@code null} until the unit fed back. */
    public Boolean handledOnTime() {
        return handledOnTime;
    }

    public int reworkCount() {
        return reworkCount;
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

    public List<TaskHistoryEntry> history() {
        return List.copyOf(history);
    }
}
