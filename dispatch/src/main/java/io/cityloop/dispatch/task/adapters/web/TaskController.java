package io.cityloop.dispatch.task.adapters.web;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.cityloop.dispatch.task.application.Feedback;
import io.cityloop.dispatch.task.application.ForeignTaskException;
import io.cityloop.dispatch.task.application.TaskFilter;
import io.cityloop.dispatch.task.application.TaskHandling;
import io.cityloop.dispatch.task.application.TaskNotFoundException;
import io.cityloop.dispatch.task.application.TaskQueries;
import io.cityloop.dispatch.task.application.UnitMember;
import io.cityloop.dispatch.task.model.IllegalTransitionException;
import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskId;
import io.cityloop.dispatch.task.model.TaskStatus;
import io.cityloop.platform.problem.Problems;
import io.cityloop.platform.security.CurrentUser;

/**
 * Tasks for the people of the command center. A department user (专业部门) sees and moves only its own unit's
 * tasks; dispatchers, supervisors and admins read every unit's.
 */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private static final String DEPARTMENT = "department";
    private static final String[] SEES_ALL_UNITS = {"dispatcher", "supervisor", "admin"};

    private final TaskQueries queries;
    private final TaskHandling handling;

    TaskController(TaskQueries queries, TaskHandling handling) {
        this.queries = queries;
        this.handling = handling;
    }

    /**
     * A department user asking for another unit's tasks gets 403 rather than a silently different list, so a
     * misconfigured console shows up at once.
     */
    @GetMapping
    @PreAuthorize("hasAnyRole('DEPARTMENT','DISPATCHER','SUPERVISOR','ADMIN')")
    List<TaskView> list(CurrentUser user,
                        @RequestParam(required = false) String unit,
                        @RequestParam(required = false) TaskStatus status,
                        @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        String visibleUnit = unit;
        if (!user.hasAnyRole(SEES_ALL_UNITS)) {
            String own = ownUnit(user);
            if (unit != null && !unit.equals(own)) {
                throw Problems.forbidden("a department user sees only the tasks of " + own);
            }
            visibleUnit = own;
        }
        Instant now = queries.now();
        return queries.list(new TaskFilter(visibleUnit, status, limit)).stream()
                .map(task -> TaskView.of(task, now))
                .toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('DEPARTMENT','DISPATCHER','SUPERVISOR','ADMIN')")
    TaskDetails get(CurrentUser user, @PathVariable String id) {
        Task task = translated(() -> queries.get(new TaskId(id)));
        if (!user.hasAnyRole(SEES_ALL_UNITS) && !task.belongsTo(ownUnit(user))) {
            throw Problems.forbidden("task " + id + " was not dispatched to " + ownUnit(user));
        }
        return TaskDetails.of(task, queries.now());
    }

    /** 签收. */
    @PostMapping("/{id}/accept")
    @PreAuthorize("hasRole('DEPARTMENT')")
    TaskDetails accept(CurrentUser user, @PathVariable String id) {
        UnitMember member = member(user);
        Task task = translated(() -> handling.accept(new TaskId(id), member));
        return TaskDetails.of(task, queries.now());
    }

    /** 处理反馈. */
    @PostMapping("/{id}/feedback")
    @PreAuthorize("hasRole('DEPARTMENT')")
    TaskDetails feedback(CurrentUser user, @PathVariable String id, @Valid @RequestBody FeedbackRequest request) {
        UnitMember member = member(user);
        Feedback feedback = new Feedback(request.note().strip(), blankToNull(request.photoRef()));
        Task task = translated(() -> handling.feedBack(new TaskId(id), feedback, member));
        return TaskDetails.of(task, queries.now());
    }

    private static UnitMember member(CurrentUser user) {
        return new UnitMember(user.username(), ownUnit(user), DEPARTMENT);
    }

    private static String ownUnit(CurrentUser user) {
        if (user.unit() == null || user.unit().isBlank()) {
            throw Problems.forbidden("the token names no handling unit (claim 'unit')");
        }
        return user.unit();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <T> T translated(Supplier<T> command) {
        try {
            return command.get();
        } catch (TaskNotFoundException e) {
            throw Problems.notFound(e.getMessage());
        } catch (ForeignTaskException e) {
            throw Problems.forbidden(e.getMessage());
        } catch (IllegalTransitionException e) {
            throw Problems.invalidTransition(e.getMessage());
        }
    }
}
