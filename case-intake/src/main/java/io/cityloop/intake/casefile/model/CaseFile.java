package io.cityloop.intake.casefile.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.cityloop.reference.CategoryKind;

/**
 * 案件: the supervision center's file on one problem in the street, from report to closing. Its own steps
 * (file, reject, merge, verify, cancel) register a {@link CaseChange}; the command center's steps (dispatched,
 * accepted, handled, rework dispatched) arrive as events and are mirrored into the timeline, each at most once.
 */
public final class CaseFile {

    public static final String SOURCE = "case-intake";
    public static final String DISPATCH_SOURCE = "dispatch";
    /** A report (采集) comes with at most this many photos of the {@code REPORT} stage. */
    public static final int MAX_REPORT_PHOTOS = 6;
    /** A case holds at most this many photos in all: report, handling feedback, on-site checks, other. */
    public static final int MAX_PHOTOS = 30;
    public static final String REPORT_STAGE = "REPORT";
    public static final String SHIFT_LEAD = "shift-lead";
    private static final Participant AUTO_CLOSE = Participant.system("auto-close");
    private static final Participant AUTO_FILING = Participant.system("auto-filing");
    private static final Participant VERIFICATION_ASSIGNMENT = Participant.system("verification-assignment");
    /**
     * Who rejects a report the inspector refuted on site: the rule that a refuted report is not filed, not the
     * inspector, whose answer is the 核实 — so that no position is credited with a filing decision it did not make.
     */
    private static final Participant REFUTED_ON_SITE = Participant.system("confirmation-refuted");

    private final String id;
    private CaseStatus status;
    private Submission submission;
    private final Report report;
    private Filing filing;
    private Handling handling;
    private final List<PhotoRef> photos;
    private final List<TimelineEntry> timeline;
    private long eventCount;
    private final Set<String> appliedEventIds;
    private final Long version;
    private final List<CaseChange> changes = new ArrayList<>();

    private CaseFile(CaseSnapshot s) {
        this.id = Objects.requireNonNull(s.id(), "id");
        this.status = s.status();
        this.submission = s.submission();
        this.report = s.report();
        this.filing = s.filing() == null ? Filing.dueBy(null) : s.filing();
        this.handling = s.handling() == null ? Handling.NONE : s.handling();
        History history = s.history() == null ? History.NONE : s.history();
        this.photos = new ArrayList<>(history.photos());
        this.timeline = new ArrayList<>(history.timeline());
        this.eventCount = history.eventCount();
        this.appliedEventIds = new LinkedHashSet<>(history.appliedEventIds());
        this.version = s.version();
    }

    /**
     * 信息采集: a new report, already located on the grid.
     *
     * @param filingDueBy when the operator's filing decision is due (受理时限), null when not tracked
     */
    public static CaseFile report(String id, Report report, Submission submission, Instant filingDueBy) {
        CaseFile file = new CaseFile(new CaseSnapshot(id, CaseStatus.REPORTED, submission, report,
                Filing.dueBy(filingDueBy), Handling.NONE, History.NONE, null));
        Participant reporter = submission.reporter();
        Instant now = submission.reportedAt();
        file.eventCount++;
        file.timeline.add(new TimelineEntry(now, "reported", null, CaseStatus.REPORTED, reporter.id(),
                reporter.role(), null, SOURCE));
        file.changes.add(new CaseChange.Reported(file.eventCount, now, reporter));
        return file;
    }

    public static CaseFile restore(CaseSnapshot snapshot) {
        return new CaseFile(snapshot);
    }

    /** Flags the open cases this report probably duplicates; the operator decides, so no status changes. */
    public void flagProbableDuplicates(List<String> masters) {
        filing = filing.flagging(masters.stream().filter(master -> !master.equals(id)).toList());
    }

    /** 立案: the report meets its category's filing criterion. */
    public void file(Participant by, String note, Instant now) {
        file(by, note, null, null, now);
    }

    /**
     * 立案 of a component case naming the component's owner, so that the command center can route it to the owner's
     * unit (e.g. the utility owning a manhole cover). Only a component (部件) has an owner.
     *
     * @param kind the kind of the case's category in the catalog version it was reported under; may be null when
     *             no owner is named
     */
    public void file(Participant by, String note, String componentOwner, CategoryKind kind, Instant now) {
        if (componentOwner != null && kind != CategoryKind.COMPONENT) {
            throw new CaseRuleViolation("componentOwner", "component-only",
                    "only a component (部件) case has an owner; " + category().code() + " is an event (事件)");
        }
        CaseStatus from = moveTo(CaseStatus.FILED, "filed");
        filing = filing.decidedAt(now);
        String reason = componentOwner == null ? note
                : (note == null ? "" : note + "; ") + "部件权属单位 " + componentOwner;
        own(new CaseChange.Filed(next(), now, by, note, componentOwner), from, "filed", reason);
    }

    /** 自动立案: filed by a configured rule, without an operator. */
    public void autoFile(String rule, Instant now) {
        file(AUTO_FILING, rule, now);
    }

    /** 不予立案: always with a coded reason. */
    public void reject(Participant by, RejectionReason reason, String note, Instant now) {
        Objects.requireNonNull(reason, "reason");
        CaseStatus from = moveTo(CaseStatus.REJECTED, "rejected");
        filing = filing.decidedAt(now);
        own(new CaseChange.Rejected(next(), now, by, reason, note), from, "rejected",
                note == null ? reason.name() : reason.name() + ": " + note);
    }

    /**
     * 合并: this report is a duplicate of {@code master}, an open case of its own. The reporter is credited on the
     * master ({@link #creditReporter}); this case never counts again.
     */
    public void mergeInto(CaseFile master, Participant by, String reason, Instant now) {
        if (master.id.equals(id)) {
            throw new CaseRuleViolation("masterCaseId", "not-self", "a case cannot be merged into itself");
        }
        if (!master.status.isOpen()) {
            throw new CaseRuleViolation("masterCaseId", "open-case",
                    "master case " + master.id + " is " + master.status + ", not open");
        }
        CaseStatus from = moveTo(CaseStatus.MERGED, "merged");
        filing = filing.mergedInto(master.id).decidedAt(now);
        own(new CaseChange.Merged(next(), now, by, master.id, reason), from, "merged",
                "并入 " + master.id + (reason == null ? "" : ": " + reason));
    }

    /** Undoes a merge (撤销合并): only a shift lead; the report waits for filing again. */
    public void unmerge(Participant by, String reason, Instant now) {
        requireShiftLead(by, "undo a merge");
        if (status != CaseStatus.MERGED) {
            throw new IllegalTransitionException(id, "unmerged", status);
        }
        String master = filing.masterCaseId();
        CaseStatus from = moveTo(CaseStatus.REPORTED, "unmerged");
        filing = filing.mergedInto(null);
        own(new CaseChange.Unmerged(next(), now, by, master, reason), from, "unmerged", reason);
    }

    /** The master case credits the reporter of a merged duplicate once. Returns false if already credited. */
    public boolean creditReporter(Participant duplicateReporter) {
        if (submission.credits(duplicateReporter)) {
            return false;
        }
        submission = submission.crediting(duplicateReporter);
        return true;
    }

    /** Withdraws a credit after an unmerge. Returns false if there was none. */
    public boolean withdrawCredit(Participant duplicateReporter) {
        if (!submission.coReporters().contains(duplicateReporter)) {
            return false;
        }
        submission = submission.withdrawing(duplicateReporter);
        return true;
    }

    /** 补充信息: back to the reporter with a question; the filing decision waits. */
    public void requestInformation(Participant by, String question, Instant now) {
        if (question == null || question.isBlank()) {
            throw new CaseRuleViolation("note", "required", "say what information is missing");
        }
        CaseStatus from = moveTo(CaseStatus.INFO_REQUESTED, "asked for information");
        filing = filing.decidedAt(now);
        own(new CaseChange.InformationRequested(next(), now, by, question), from, "information-requested", question);
    }

    /** The reporter (or an operator on the phone) answers; the report returns to the filing queue. */
    public void supplyInformation(Participant by, String answer, Instant now) {
        if (answer == null || answer.isBlank()) {
            throw new CaseRuleViolation("text", "required", "the supplement is empty");
        }
        if (status != CaseStatus.INFO_REQUESTED) {
            throw new IllegalTransitionException(id, "given information", status);
        }
        CaseStatus from = moveTo(CaseStatus.REPORTED, "given information");
        timeline.add(new TimelineEntry(now, "information-supplied", from, status, by.id(), by.role(), answer,
                SOURCE));
    }

    /**
     * 核实派遣: sends a report that did not come from an inspector — a citizen's, the hotline's, a device's — to the
     * inspector responsible for its cell to confirm on site before it is filed. Once per report; sending it counts
     * as the operator's first decision for the filing clock (核实按时派发).
     */
    public void requestConfirmation(Participant by, String assignee, Instant dueBy, Instant now) {
        if (source() == ReportSource.INSPECTOR) {
            throw new CaseRuleViolation("decision", "not-inspector-report",
                    "an inspector's own report was seen on site; file or reject it");
        }
        if (filing.confirmation() != null) {
            throw new CaseRuleViolation("decision", "once", id + " was already sent to "
                    + filing.confirmation().assignee() + " for 核实");
        }
        Objects.requireNonNull(assignee, "assignee");
        CaseStatus from = moveTo(CaseStatus.CONFIRMING, "sent for confirmation");
        Boolean onTime = filing.filingDueBy() == null ? null : !now.isAfter(filing.filingDueBy());
        filing = filing.decidedAt(now).confirming(Confirmation.requested(assignee, by.id(), now, dueBy, onTime));
        own(new CaseChange.ConfirmationRequested(next(), now, by, assignee, dueBy, onTime), from,
                "confirmation-requested", "核实人: " + assignee);
    }

    /** 核实属实, with at least one photo taken on site: the report goes back to the filing queue. */
    public void confirm(Participant by, String note, List<String> photoIds, Instant now) {
        requireConfirmer(by);
        List<String> evidence = evidence(photoIds, true);
        CaseStatus from = moveTo(CaseStatus.REPORTED, "confirmed");
        Confirmation answered = filing.confirmation().answered(ConfirmationResult.CONFIRMED, note, evidence, now);
        filing = filing.confirming(answered);
        own(new CaseChange.Confirmed(next(), now, by, ConfirmationResult.CONFIRMED, note, answered.answeredOnTime()),
                from, "confirmed", note == null ? "核实属实" : "核实属实: " + note);
    }

    /** 核实不属实, with the reason: the report is rejected as not confirmed. */
    public void refute(Participant by, String reason, List<String> photoIds, Instant now) {
        requireConfirmer(by);
        if (reason == null || reason.isBlank()) {
            throw new CaseRuleViolation("note", "required", "say what was found on site");
        }
        List<String> evidence = evidence(photoIds, false);
        CaseStatus from = moveTo(CaseStatus.REJECTED, "refuted");
        Confirmation answered = filing.confirmation().answered(ConfirmationResult.REFUTED, reason, evidence, now);
        filing = filing.confirming(answered);
        own(new CaseChange.Confirmed(next(), now, by, ConfirmationResult.REFUTED, reason, answered.answeredOnTime()),
                from, "refuted", "核实不属实: " + reason);
        own(new CaseChange.Rejected(next(), now, REFUTED_ON_SITE, RejectionReason.NOT_CONFIRMED, reason), from,
                "rejected", RejectionReason.NOT_CONFIRMED.name() + ": " + reason);
    }

    /** Whether this participant may answer the open 核实: its assignee, or a shift lead. */
    public boolean mayConfirm(Participant by) {
        Confirmation open = filing.confirmation();
        return status == CaseStatus.CONFIRMING && open != null && open.isOpen()
                && (open.assignee().equals(by.id()) || SHIFT_LEAD.equals(by.role()));
    }

    private void requireConfirmer(Participant by) {
        if (status != CaseStatus.CONFIRMING) {
            throw new IllegalTransitionException(id, "confirmed", status);
        }
        if (!mayConfirm(by)) {
            throw new NotPermittedException("only " + filing.confirmation().assignee()
                    + ", who was sent to confirm " + id + ", or a shift lead may answer the 核实");
        }
    }

    /** 作废: only a shift lead, with a reason, and only before dispatch. */
    public void cancel(Participant by, String reason, Instant now) {
        requireShiftLead(by, "cancel a case");
        if (reason == null || reason.isBlank()) {
            throw new CaseRuleViolation("reason", "required", "a cancellation needs a reason");
        }
        CaseStatus from = moveTo(CaseStatus.CANCELLED, "cancelled");
        own(new CaseChange.Cancelled(next(), now, by, reason), from, "cancelled", reason);
    }

    /**
     * The command center dispatched a task. A task that succeeds the current one before it was handled — after a
     * justified return (退回) or a reassignment (改派) — is a re-dispatch: the case follows the new task, so that
     * the unit that now owns it sees the case and a failed check sends the new task back to rework. Returns false
     * when this event was already applied.
     */
    public boolean recordDispatched(String eventId, TaskAssignment task, Participant by, Instant at) {
        if (alreadyApplied(eventId)) {
            return false;
        }
        TaskAssignment current = handling.currentTask();
        if (current != null && current.taskId().equals(task.taskId())) {
            throw new IllegalTransitionException(id, "dispatched", status);
        }
        CaseStatus from = moveTo(CaseStatus.DISPATCHED, "dispatched");
        handling = handling.dispatchedTo(task);
        mirror(eventId, at, "dispatched", from, by, (current != null ? "改派至" : "派遣至") + task.unitName());
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
        handling = handling.verificationRequested(inspector, at, verificationDueBy);
        own(new CaseChange.VerificationRequested(next(), at, VERIFICATION_ASSIGNMENT, handling.taskId(), inspector,
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
        handling = handling.reworkDue(newDeadline);
        appliedEventIds.add(eventId);
        timeline.add(new TimelineEntry(at, "rework-dispatched", status, status, by.id(), by.role(),
                "新处置时限 " + newDeadline, DISPATCH_SOURCE));
        return true;
    }

    /** 核查通过 and, as the closing criterion is met, 结案. */
    public void pass(Participant by, String note, Instant now) {
        pass(by, note, List.of(), false, now);
    }

    /**
     * 核查通过 with the photos taken on site, and 结案.
     *
     * @param photoRequired whether the city requires a photo with every verdict
     */
    public void pass(Participant by, String note, List<String> photoIds, boolean photoRequired, Instant now) {
        requireVerifier(by);
        requireTransition(CaseStatus.VERIFIED, "verified");
        List<String> evidence = evidence(photoIds, photoRequired);
        CaseStatus from = moveTo(CaseStatus.VERIFIED, "verified");
        handling = handling.passed(note, evidence, now);
        String taskId = handling.taskId();
        own(new CaseChange.Verified(next(), now, by, taskId, note), from, "verified", note);
        moveTo(CaseStatus.CLOSED, "closed");
        own(new CaseChange.Closed(next(), now, AUTO_CLOSE, taskId), CaseStatus.VERIFIED, "closed", "核查通过自动结案");
    }

    /** 核查不通过: back to the same unit as 返工. */
    public void fail(Participant by, String reason, Instant now) {
        fail(by, reason, List.of(), false, now);
    }

    /** 核查不通过 with the photos showing what is still wrong: back to the same unit as 返工, counted. */
    public void fail(Participant by, String reason, List<String> photoIds, boolean photoRequired, Instant now) {
        requireVerifier(by);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a failed verification needs a reason");
        }
        requireTransition(CaseStatus.REWORK, "sent back for rework");
        List<String> evidence = evidence(photoIds, photoRequired);
        CaseStatus from = moveTo(CaseStatus.REWORK, "sent back for rework");
        handling = handling.sentBack(reason, evidence, now);
        own(new CaseChange.ReworkRequired(next(), now, by, handling.taskId(), handling.unitId(), reason), from,
                "rework-required", reason);
    }

    /** Whether this participant may decide the open verification: its assignee, or a shift lead. */
    public boolean mayVerify(Participant by) {
        Verification check = handling.verification();
        return check != null && check.isOpen() && (check.assignee().equals(by.id()) || SHIFT_LEAD.equals(by.role()));
    }

    /**
     * Attaches a stored photo. The same content twice is one photo: the earlier one is returned. A case that
     * ended takes no more photos. At most {@link #MAX_REPORT_PHOTOS} of the {@code REPORT} stage, so a full report
     * still leaves room for the handling unit's feedback and the on-site check, and {@link #MAX_PHOTOS} in all.
     */
    public PhotoRef attachPhoto(PhotoRef photo) {
        Optional<PhotoRef> same = photos.stream().filter(p -> p.sha256().equals(photo.sha256())).findFirst();
        if (same.isPresent()) {
            return same.get();
        }
        if (status == CaseStatus.REJECTED || status == CaseStatus.CANCELLED) {
            throw new IllegalTransitionException(id, "given photos", status);
        }
        if (REPORT_STAGE.equals(photo.stage())
                && photos.stream().filter(p -> REPORT_STAGE.equals(p.stage())).count() >= MAX_REPORT_PHOTOS) {
            throw new CaseRuleViolation("file", "max-count", "a report holds at most " + MAX_REPORT_PHOTOS
                    + " photos of the REPORT stage; later photos belong to another stage");
        }
        if (photos.size() >= MAX_PHOTOS) {
            throw new CaseRuleViolation("file", "max-count", "a case holds at most " + MAX_PHOTOS + " photos in all");
        }
        photos.add(photo);
        return photo;
    }

    public Optional<PhotoRef> photo(String photoId) {
        return photos.stream().filter(p -> p.id().equals(photoId)).findFirst();
    }

    private List<String> evidence(List<String> photoIds, boolean photoRequired) {
        List<String> ids = photoIds == null ? List.of() : photoIds;
        if (photoRequired && ids.isEmpty()) {
            throw new CaseRuleViolation("photoIds", "required", "a verdict given on site needs a photo taken there");
        }
        for (String photoId : ids) {
            if (photo(photoId).isEmpty()) {
                throw new CaseRuleViolation("photoIds", "known-photo", "photo " + photoId + " is not a photo of "
                        + id + "; upload it first");
            }
        }
        return ids;
    }

    private void requireVerifier(Participant by) {
        if (status == CaseStatus.VERIFYING && !mayVerify(by)) {
            throw new NotTheVerifierException(id, by.id());
        }
    }

    private static void requireShiftLead(Participant by, String what) {
        if (!SHIFT_LEAD.equals(by.role())) {
            throw new NotPermittedException("only a shift lead (值班长) may " + what);
        }
    }

    private void requireTransition(CaseStatus target, String step) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException(id, step, status);
        }
    }

    private CaseStatus moveTo(CaseStatus target, String step) {
        requireTransition(target, step);
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

    /**
     * The deadline of the stage the case is in: filing while it awaits the operator, the task's deadline while a
     * unit has it, the check's while it is verified; none once ended or filed and waiting for dispatch.
     */
    public Instant stageDueBy() {
        return switch (status) {
            case REPORTED -> filing.filingDueBy();
            case CONFIRMING -> filing.confirmation() == null ? null : filing.confirmation().dueBy();
            case DISPATCHED, ACCEPTED, REWORK -> handling.currentTask() == null ? null
                    : handling.currentTask().deadline();
            case VERIFYING -> handling.verification() == null ? null : handling.verification().dueBy();
            default -> null;
        };
    }

    /** The changes registered since this object was created or restored, for the outbox. */
    public List<CaseChange> changes() {
        return List.copyOf(changes);
    }

    public CaseSnapshot snapshot() {
        return new CaseSnapshot(id, status, submission, report, filing, handling,
                new History(photos, timeline, eventCount, List.copyOf(appliedEventIds)), version);
    }

    public String id() {
        return id;
    }

    public CaseStatus status() {
        return status;
    }

    public Submission submission() {
        return submission;
    }

    public Report report() {
        return report;
    }

    public Filing filing() {
        return filing;
    }

    public CaseCategory category() {
        return report.category();
    }

    public CaseLocation location() {
        return report.location();
    }

    public String description() {
        return report.description();
    }

    public ReportSource source() {
        return report.source();
    }

    public ReportOrigin origin() {
        return report.origin();
    }

    public Participant reporter() {
        return submission.reporter();
    }

    public Instant reportedAt() {
        return submission.reportedAt();
    }

    public String requestFingerprint() {
        return submission.requestFingerprint();
    }

    public List<Participant> coReporters() {
        return submission.coReporters();
    }

    public List<String> probableDuplicates() {
        return filing.probableDuplicates();
    }

    public String masterCaseId() {
        return filing.masterCaseId();
    }

    public TaskAssignment currentTask() {
        return handling.currentTask();
    }

    public Verification verification() {
        return handling.verification();
    }

    public Confirmation confirmation() {
        return filing.confirmation();
    }

    public int reworkCount() {
        return handling.reworkCount();
    }

    public List<PhotoRef> photos() {
        return List.copyOf(photos);
    }

    public List<TimelineEntry> timeline() {
        return List.copyOf(timeline);
    }
}
