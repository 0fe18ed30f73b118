package io.cityloop.intake.casefile.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * 案件: the supervision center's file on one problem in the street, from report to closing. Its own steps
 * (file, reject, verify) register a {@link CaseChange}; the command center's steps (dispatched, accepted, handled,
 * rework dispatched) arrive as events and are mirrored into the timeline, each at most once.
 */
public final class CaseFile {

    public static final String SOURCE = "case-intake";
    public static final String DISPATCH_SOURCE = "dispatch";
    private static final Participant AUTO_CLOSE = Participant.system("auto-close");
    private static final Participant VERIFICATION_ASSIGNMENT = Participant.system("verification-assignment");

    private final String id;
    private CaseStatus status;
    private final CaseCategory category;
    private final String description;
    private final CaseLocation location;
    private final ReportSource source;
    private final Participant reporter;
    private final String idempotencyKey;
    private final String requestFingerprint;
    private final Instant reportedAt;
    private TaskAssignment currentTask;
    private Verification verification;
    private long eventCount;
    private final List<TimelineEntry> timeline;
    private final Set<String> appliedEventIds;
    private final Long version;
    private final List<CaseChange> changes = new ArrayList<>();

    private CaseFile(CaseSnapshot s) {
        this.id = Objects.requireNonNull(s.id(), "id");
        this.status = s.status();
        this.category = s.category();
        this.description = s.description();
        this.location = s.location();
        this.source = s.source();
        this.reporter = s.reporter();
        this.idempotencyKey = s.idempotencyKey();
        this.requestFingerprint = s.requestFingerprint();
        this.reportedAt = s.reportedAt();
        this.currentTask = s.currentTask();
        this.verification = s.verification();
        this.eventCount = s.eventCount();
        this.timeline = new ArrayList<>(s.timeline() == null ? List.of() : s.timeline());
        this.appliedEventIds = new LinkedHashSet<>(s.appliedEventIds() == null ? List.of() : s.appliedEventIds());
        this.version = s.version();
    }

    /**
     * 信息采集: a new report, already located on the grid.
     *
     * @param requestFingerprint identifies the request's content, so a reused idempotency key with other content
     *                           can be told apart from a retry
     */
    public static CaseFile report(String id, CaseCategory category, String description, CaseLocation location,
                                  ReportSource source, Participant reporter, String idempotencyKey,
                                  String requestFingerprint, Instant now) {
        CaseFile file = new CaseFile(new CaseSnapshot(id, CaseStatus.REPORTED, category, description, location,
                source, reporter, idempotencyKey, requestFingerprint, now, null, null, 0, List.of(), List.of(),
                null));
        file.eventCount++;
        file.timeline.add(new TimelineEntry(now, "reported", null, CaseStatus.REPORTED, reporter.id(),
                reporter.role(), null, SOURCE));
        file.changes.add(new CaseChange.Reported(file.eventCount, now, reporter));
        return file;
    }

    public static CaseFile restore(CaseSnapshot snapshot) {
        return new CaseFile(snapshot);
    }

    /** 立案: the report meets its category's filing criterion. */
    public void file(Participant by, String note, Instant now) {
        CaseStatus from = moveTo(CaseStatus.FILED, "filed");
        own(new CaseChange.Filed(next(), now, by, note), from, "filed", note);
    }

    /** 不予立案: always with a coded reason. */
    public void reject(Participant by, RejectionReason reason, String note, Instant now) {
        Objects.requireNonNull(reason, "reason");
        CaseStatus from = moveTo(CaseStatus.REJECTED, "rejected");
        own(new CaseChange.Rejected(next(), now, by, reason, note), from, "rejected",
                note == null ? reason.name() : reason.name() + ": " + note);
    }

    /** The command center dispatched a task. Returns false when this event was already applied. */
    public boolean recordDispatched(String eventId, TaskAssignment task, Participant by, Instant at) {
        if (alreadyApplied(eventId)) {
            return false;
        }
        CaseStatus from = moveTo(CaseStatus.DISPATCHED, "dispatched");
        currentTask = task;
        mirror(eventId, at, "dispatched", from, by, "派遣至" + task.unitName());
        return true;
    }

    /** 签收 by the unit. Returns false when this event was already applied. */
    public boolean recordAccepted(String eventId, Participant by, Instant at) {
        if (alreadyApplied(eventId)) {
            return false;
        }
        CaseStatus from = moveTo(CaseStatus.ACCEPTED, "accepted");
        mirror(eventId, at, "accepted", from, by, null);
        return true;
    }

    /**
     * 处理反馈 by the unit, and at once a 核查 request to the inspector responsible for the grid: a handled case
     * must never wait without someone owning the check. Returns false when this event was already applied.
     */
    public boolean recordHandled(String eventId, Participant by, String note, Instant at, String inspector,
                                 Instant verificationDueBy) {
        if (alreadyApplied(eventId)) {
            return false;
        }
        CaseStatus from = moveTo(CaseStatus.HANDLED, "handled");
        mirror(eventId, at, "handled", from, by, note);
        moveTo(CaseStatus.VERIFYING, "sent to verification");
        verification = Verification.requested(inspector, at, verificationDueBy);
        String taskId = currentTask == null ? null : currentTask.taskId();
        own(new CaseChange.VerificationRequested(next(), at, VERIFICATION_ASSIGNMENT, taskId, inspector,
                verificationDueBy), CaseStatus.HANDLED, "verification-requested", "核查人: " + inspector);
        return true;
    }

    /** The command center reopened the task with a new deadline; the case stays in rework. */
    public boolean recordReworkDispatched(String eventId, Participant by, Instant newDeadline, Instant at) {
        if (alreadyApplied(eventId)) {
            return false;
        }
        if (status != CaseStatus.REWORK) {
            throw new IllegalTransitionException(id, "re-dispatched for rework", status);
        }
        if (currentTask != null) {
            currentTask = currentTask.withDeadline(newDeadline);
        }
        appliedEventIds.add(eventId);
        timeline.add(new TimelineEntry(at, "rework-dispatched", status, status, by.id(), by.role(),
                "新处置时限 " + newDeadline, DISPATCH_SOURCE));
        return true;
    }

    /** 核查通过 and, as the closing criterion is met, 结案. */
    public void pass(Participant by, String note, Instant now) {
        requireVerifier(by);
        CaseStatus from = moveTo(CaseStatus.VERIFIED, "verified");
        verification = verification.decided(VerificationResult.PASS, note, now);
        String taskId = currentTask == null ? null : currentTask.taskId();
        own(new CaseChange.Verified(next(), now, by, taskId, note), from, "verified", note);
        moveTo(CaseStatus.CLOSED, "closed");
        own(new CaseChange.Closed(next(), now, AUTO_CLOSE, taskId), CaseStatus.VERIFIED, "closed", "核查通过自动结案");
    }

    /** 核查不通过: back to the same unit as 返工. */
    public void fail(Participant by, String reason, Instant now) {
        requireVerifier(by);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a failed verification needs a reason");
        }
        CaseStatus from = moveTo(CaseStatus.REWORK, "sent back for rework");
        verification = verification.decided(VerificationResult.FAIL, reason, now);
        own(new CaseChange.ReworkRequired(next(), now, by, currentTask == null ? null : currentTask.taskId(),
                currentTask == null ? null : currentTask.unitId(), reason), from, "rework-required", reason);
    }

    /** Whether this participant may decide the open verification: its assignee, or a shift lead. */
    public boolean mayVerify(Participant by) {
        return verification != null && verification.isOpen()
                && (verification.assignee().equals(by.id()) || "shift-lead".equals(by.role()));
    }

    private void requireVerifier(Participant by) {
        if (status == CaseStatus.VERIFYING && !mayVerify(by)) {
            throw new NotTheVerifierException(id, by.id());
        }
    }

    private CaseStatus moveTo(CaseStatus target, String step) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException(id, step, status);
        }
        CaseStatus from = status;
        status = target;
        return from;
    }

    private long next() {
        return ++eventCount;
    }

    private void own(CaseChange change, CaseStatus from, String type, String reason) {
        timeline.add(new TimelineEntry(change.at(), type, from, status, change.by().id(), change.by().role(), reason,
                SOURCE));
        changes.add(change);
    }

    private void mirror(String eventId, Instant at, String type, CaseStatus from, Participant by, String reason) {
        appliedEventIds.add(eventId);
        timeline.add(new TimelineEntry(at, type, from, status, by.id(), by.role(), reason, DISPATCH_SOURCE));
    }

    private boolean alreadyApplied(String eventId) {
        return appliedEventIds.contains(eventId);
    }

    /** The changes registered since this object was created or restored, for the outbox. */
    public List<CaseChange> changes() {
        return List.copyOf(changes);
    }

    public CaseSnapshot snapshot() {
        return new CaseSnapshot(id, status, category, description, location, source, reporter, idempotencyKey,
                requestFingerprint, reportedAt, currentTask, verification, eventCount, List.copyOf(timeline),
                List.copyOf(appliedEventIds), version);
    }

    public String id() {
        return id;
    }

    public CaseStatus status() {
        return status;
    }

    public CaseCategory category() {
        return category;
    }

    public CaseLocation location() {
        return location;
    }

    public String description() {
        return description;
    }

    public ReportSource source() {
        return source;
    }

    public Participant reporter() {
        return reporter;
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    public String requestFingerprint() {
        return requestFingerprint;
    }

    public TaskAssignment currentTask() {
        return currentTask;
    }

    public Verification verification() {
        return verification;
    }

    public List<TimelineEntry> timeline() {
        return List.copyOf(timeline);
    }
}
