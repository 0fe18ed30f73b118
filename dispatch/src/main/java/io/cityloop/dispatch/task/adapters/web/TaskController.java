package io.cityloop.dispatch.task.adapters.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.cityloop.dispatch.task.adapters.web.TaskRequests.DecisionRequest;
import io.cityloop.dispatch.task.adapters.web.TaskRequests.ExtensionRequestBody;
import io.cityloop.dispatch.task.adapters.web.TaskRequests.ReasonRequest;
import io.cityloop.dispatch.task.adapters.web.TaskRequests.ReassignRequest;
import io.cityloop.dispatch.task.adapters.web.TaskRequests.RedispatchRequest;
import io.cityloop.dispatch.task.adapters.web.TaskRequests.ReturnReviewRequest;
import io.cityloop.dispatch.task.application.DispatcherDesk;
import io.cityloop.dispatch.task.application.Feedback;
import io.cityloop.dispatch.task.application.Redispatch;
import io.cityloop.dispatch.task.application.StatusCounts;
import io.cityloop.dispatch.task.application.TaskFilter;
import io.cityloop.dispatch.task.application.TaskHandling;
import io.cityloop.dispatch.task.application.TaskQueries;
import io.cityloop.dispatch.task.application.UnitMember;
import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskId;
import io.cityloop.dispatch.task.model.TaskStatus;
import io.cityloop.platform.problem.Problems;
import io.cityloop.platform.security.CurrentUser;
import io.cityloop.reference.TimeLimitSpec;

/**
 * Tasks for the people of the command center. A department user (专业部门) sees and moves only its own unit's
 * tasks; dispatchers act on every unit's, supervisors read all and escalate. Every command answers with the task
 * and its version as {@code ETag}; sending that version back as {@code If-Match} makes the command fail with 409
 * if anybody changed the task meanwhile.
 */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private static final String DEPARTMENT = "department";
    private static final String[] SEES_ALL_UNITS = {"dispatcher", "supervisor", "admin"};
    private static final String READERS = "hasAnyRole('DEPARTMENT','DISPATCHER','SUPERVISOR','ADMIN')";

    private final TaskQueries queries;
    private final TaskHandling handling;
    private final DispatcherDesk desk;

    TaskController(TaskQueries queries, TaskHandling handling, DispatcherDesk desk) {
        this.queries = queries;
        this.handling = handling;
        this.desk = desk;
    }

    /**
     * The inbox, least working time left first (or {@code sort=newest}). A department user asking for another
     * unit's tasks gets 403 rather than a silently different list, so a misconfigured console shows up at once.
     */
    @GetMapping
    @PreAuthorize(READERS)
    List<TaskView> list(CurrentUser user,
                        @RequestParam(required = false) String unit,
                        @RequestParam(required = false) TaskStatus status,
                        @RequestParam(required = false) String urgency,
                        @RequestParam(required = false) String district,
                        @RequestParam(required = false) Instant deadlineFrom,
                        @RequestParam(required = false) Instant deadlineTo,
                        @RequestParam(defaultValue = "remaining") String sort,
                        @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        if (!"remaining".equals(sort) && !"newest".equals(sort)) {
            throw Problems.validation("sort", "one-of", "must be remaining or newest");
        }
        requirePlausible("deadlineFrom", deadlineFrom);
        requirePlausible("deadlineTo", deadlineTo);
        TaskFilter filter = new TaskFilter(visibleUnit(user, unit), status, urgency, district, deadlineFrom,
                deadlineTo, "newest".equals(sort), limit);
        Instant now = queries.now();
        return queries.list(filter).stream().map(task -> TaskView.of(task, now, queries.calendar())).toList();
    }

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    /** An instant the database can store and a deadline can have: 2000 to 2100. */
    private static void requirePlausible(String field, Instant at) {
        if (at != null && (at.isBefore(EARLIEST) || at.isAfter(LATEST))) {
            throw Problems.validation(field, "range", "must be between " + EARLIEST + " and " + LATEST);
        }
    }

    /** The dashboard: tasks per status, and how many are warned, overdue and escalated. */
    @GetMapping("/counts")
    @PreAuthorize(READERS)
    StatusCounts counts(CurrentUser user, @RequestParam(required = false) String unit) {
        return queries.counts(visibleUnit(user, unit));
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    ResponseEntity<TaskDetails> get(CurrentUser user, @PathVariable String id) {
        Task task = queries.get(new TaskId(id));
        if (!user.hasAnyRole(SEES_ALL_UNITS) && !task.belongsTo(ownUnit(user))) {
            throw Problems.forbidden("task " + id + " was not dispatched to " + ownUnit(user));
        }
        return details(task, HttpStatus.OK);
    }

    /** 签收. */
    @PostMapping("/{id}/accept")
    @PreAuthorize("hasRole('DEPARTMENT')")
    ResponseEntity<TaskDetails> accept(CurrentUser user, @PathVariable String id,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return ok(handling.accept(new TaskId(id), member(user), version(ifMatch)));
    }

    /** 处理反馈. */
    @PostMapping("/{id}/feedback")
    @PreAuthorize("hasRole('DEPARTMENT')")
    ResponseEntity<TaskDetails> feedback(CurrentUser user, @PathVariable String id,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                         @Valid @RequestBody FeedbackRequest request) {
        Feedback feedback = new Feedback(request.note().strip(), blankToNull(request.photoRef()));
        return ok(handling.feedBack(new TaskId(id), feedback, member(user), version(ifMatch)));
    }

    /** 回退: not ours; back to the dispatch queue. */
    @PostMapping("/{id}/return")
    @PreAuthorize("hasRole('DEPARTMENT')")
    ResponseEntity<TaskDetails> returnTask(CurrentUser user, @PathVariable String id,
                                           @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                           @Valid @RequestBody ReasonRequest request) {
        return ok(handling.returnTask(new TaskId(id), request.reason().strip(), member(user),
                version(ifMatch)));
    }

    /** 延期申请. */
    @PostMapping("/{id}/extension-request")
    @PreAuthorize("hasRole('DEPARTMENT')")
    ResponseEntity<TaskDetails> requestExtension(CurrentUser user, @PathVariable String id,
                                                 @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                 @Valid @RequestBody ExtensionRequestBody request) {
        Duration additional = new TimeLimitSpec(request.amount(), request.unit())
                .workingTime(queries.calendar().workingHoursPerDay());
        return ok(handling.requestExtension(new TaskId(id), additional, request.reason().strip(),
                member(user), version(ifMatch)));
    }

    /** 延期审批. */
    @PostMapping("/{id}/extension-decision")
    @PreAuthorize("hasRole('DISPATCHER')")
    ResponseEntity<TaskDetails> decideExtension(CurrentUser user, @PathVariable String id,
                                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                @Valid @RequestBody DecisionRequest request) {
        return ok(desk.decideExtension(new TaskId(id), request.approved(), request.reason().strip(),
                commandCenter(user), version(ifMatch)));
    }

    /** 回退审核: justified = routing error, not counted against the unit. */
    @PostMapping("/{id}/return-review")
    @PreAuthorize("hasRole('DISPATCHER')")
    ResponseEntity<TaskDetails> reviewReturn(CurrentUser user, @PathVariable String id,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                             @Valid @RequestBody ReturnReviewRequest request) {
        return ok(desk.reviewReturn(new TaskId(id), request.justified(), request.reason().strip(),
                commandCenter(user), version(ifMatch)));
    }

    /** 改派: the case goes out again as its next task; answers with that new task. */
    @PostMapping("/{id}/redispatch")
    @PreAuthorize("hasRole('DISPATCHER')")
    ResponseEntity<TaskDetails> redispatch(CurrentUser user, @PathVariable String id,
                                           @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                           @Valid @RequestBody RedispatchRequest request) {
        Redispatch order = new Redispatch(blankToNull(request.unitId()), blankToNull(request.componentOwner()),
                request.reason().strip());
        return details(desk.redispatch(new TaskId(id), order, commandCenter(user), version(ifMatch)),
                HttpStatus.CREATED);
    }

    /**
     * 改派 of an open task (DISPATCHED, ACCEPTED or SUSPENDED) to another unit; the old task ends as a justified
     * return and the answer is the case's new task.
     */
    @PostMapping("/{id}/reassign")
    @PreAuthorize("hasRole('DISPATCHER')")
    ResponseEntity<TaskDetails> reassign(CurrentUser user, @PathVariable String id,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                         @Valid @RequestBody ReassignRequest request) {
        return details(desk.reassign(new TaskId(id), request.unitId().strip(), request.reason().strip(),
                commandCenter(user), version(ifMatch)), HttpStatus.CREATED);
    }

    /** 挂账申请: the unit asks the dispatcher to stop the clock. */
    @PostMapping("/{id}/suspension-request")
    @PreAuthorize("hasRole('DEPARTMENT')")
    ResponseEntity<TaskDetails> requestSuspension(CurrentUser user, @PathVariable String id,
                                                  @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                  @Valid @RequestBody ReasonRequest request) {
        return ok(handling.requestSuspension(new TaskId(id), request.reason().strip(), member(user),
                version(ifMatch)));
    }

    /** 挂账审批: approval stops the clock. */
    @PostMapping("/{id}/suspension-decision")
    @PreAuthorize("hasRole('DISPATCHER')")
    ResponseEntity<TaskDetails> decideSuspension(CurrentUser user, @PathVariable String id,
                                                 @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                 @Valid @RequestBody DecisionRequest request) {
        return ok(desk.decideSuspension(new TaskId(id), request.approved(), request.reason().strip(),
                commandCenter(user), version(ifMatch)));
    }

    /** 挂账/缓办: the clock stops. */
    @PostMapping("/{id}/suspend")
    @PreAuthorize("hasRole('DISPATCHER')")
    ResponseEntity<TaskDetails> suspend(CurrentUser user, @PathVariable String id,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                        @Valid @RequestBody ReasonRequest request) {
        return ok(desk.suspend(new TaskId(id), request.reason().strip(), commandCenter(user),
                version(ifMatch)));
    }

    /** The clock runs again; the deadline moves by the working time spent suspended. */
    @PostMapping("/{id}/resume")
    @PreAuthorize("hasRole('DISPATCHER')")
    ResponseEntity<TaskDetails> resume(CurrentUser user, @PathVariable String id,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                       @Valid @RequestBody ReasonRequest request) {
        return ok(desk.resume(new TaskId(id), request.reason().strip(), commandCenter(user),
                version(ifMatch)));
    }

    /** 督办 by hand. */
    @PostMapping("/{id}/escalate")
    @PreAuthorize("hasAnyRole('SUPERVISOR','DISPATCHER')")
    ResponseEntity<TaskDetails> escalate(CurrentUser user, @PathVariable String id,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                         @Valid @RequestBody ReasonRequest request) {
        return ok(desk.escalate(new TaskId(id), request.reason().strip(), commandCenter(user),
                version(ifMatch)));
    }

    private ResponseEntity<TaskDetails> ok(Task task) {
        return details(task, HttpStatus.OK);
    }

    private ResponseEntity<TaskDetails> details(Task task, HttpStatus status) {
        return ResponseEntity.status(status).eTag(String.valueOf(task.version()))
                .body(TaskDetails.of(task, queries.now(), queries.calendar()));
    }

    private static String visibleUnit(CurrentUser user, String unit) {
        if (user.hasAnyRole(SEES_ALL_UNITS)) {
            return unit;
        }
        String own = ownUnit(user);
        if (unit != null && !unit.equals(own)) {
            throw Problems.forbidden("a department user sees only the tasks of " + own);
        }
        return own;
    }

    private static UnitMember member(CurrentUser user) {
        return new UnitMember(user.username(), ownUnit(user), DEPARTMENT);
    }

    private static UnitMember commandCenter(CurrentUser user) {
        return UnitMember.commandCenter(user.username(), user.actingRole("dispatcher", "supervisor"));
    }

    private static String ownUnit(CurrentUser user) {
        if (user.unit() == null || user.unit().isBlank()) {
            throw Problems.forbidden("the token names no handling unit (claim 'unit')");
        }
        return user.unit();
    }

    /** {@code "3"}, {@code W/"3"} or {@code 3} → 3. */
    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String digits = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw Problems.validation("If-Match", "version", "must be the task version from its ETag");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
