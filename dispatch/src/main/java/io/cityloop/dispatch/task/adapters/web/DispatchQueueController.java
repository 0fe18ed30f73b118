package io.cityloop.dispatch.task.adapters.web;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.cityloop.dispatch.task.adapters.web.TaskRequests.ManualDispatchRequest;
import io.cityloop.dispatch.task.application.ManualDispatching;
import io.cityloop.dispatch.task.application.TaskQueries;
import io.cityloop.dispatch.task.application.UnitMember;
import io.cityloop.dispatch.task.model.PendingDispatch;
import io.cityloop.dispatch.task.model.ReturnReview;
import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskSubject;
import io.cityloop.platform.security.CurrentUser;

/**
 * 待派遣: what waits for a dispatcher — returned tasks to judge and send out again ({@code RETURNED}), and filed
 * cases automatic routing did not dispatch ({@code PARKED}), which a dispatcher dispatches here by hand.
 */
@RestController
class DispatchQueueController {

    private final TaskQueries queries;
    private final ManualDispatching manual;

    DispatchQueueController(TaskQueries queries, ManualDispatching manual) {
        this.queries = queries;
        this.manual = manual;
    }

    /**
     * One entry of the queue. A returned task carries the unit's reason and the dispatcher's review when made; a
     * parked case carries no task yet, but why it was parked ({@code parkedBecause}, {@code parkedDetail}).
     */
    record QueueEntry(String kind, String taskId, String caseId, String unitId, String unitName,
                      String categoryCode, String categoryName, String districtCode, String gridCode,
                      Instant dispatchedAt, String returnReason, ReturnReview returnReview, Instant filedAt,
                      Instant parkedAt, String parkedBecause, String parkedDetail) {

        static QueueEntry of(Task task) {
            TaskSubject subject = task.subject();
            return new QueueEntry("RETURNED", task.id().value(), subject.caseId(), task.assignment().unitId(),
                    task.assignment().unitName(), subject.categoryCode(), subject.categoryName(),
                    subject.districtCode(), subject.gridCode(), task.assignment().dispatchedAt(),
                    task.handback().returnReason(), task.handback().returnReview(), null, null, null, null);
        }

        static QueueEntry of(PendingDispatch parked) {
            return new QueueEntry("PARKED", null, parked.caseId(), null, null, parked.categoryCode(), null,
                    parked.districtCode(), parked.gridCode(), null, null, null, parked.filedAt(),
                    parked.parkedAt(), parked.cause(), parked.detail());
        }
    }

    /** Returned tasks first (oldest dispatch first), then parked cases (longest waiting first). */
    @GetMapping("/api/dispatch-queue")
    @PreAuthorize("hasAnyRole('DISPATCHER','SUPERVISOR')")
    List<QueueEntry> queue(@RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return Stream.concat(queries.dispatchQueue(limit).stream().map(QueueEntry::of),
                        manual.waiting(limit).stream().map(QueueEntry::of))
                .limit(limit).toList();
    }

    /** 人工派遣 of a parked case; answers 201 with the case's first task. */
    @PostMapping("/api/dispatch-queue/{caseId}/dispatch")
    @PreAuthorize("hasRole('DISPATCHER')")
    ResponseEntity<TaskDetails> dispatch(CurrentUser user, @PathVariable String caseId,
                                         @Valid @RequestBody ManualDispatchRequest request) {
        UnitMember dispatcher = UnitMember.commandCenter(user.username(), "dispatcher");
        Task task = manual.dispatch(caseId, request.unitId().strip(), request.reason().strip(), dispatcher);
        return ResponseEntity.status(HttpStatus.CREATED).eTag(String.valueOf(task.version()))
                .body(TaskDetails.of(task, queries.now(), queries.calendar()));
    }
}
