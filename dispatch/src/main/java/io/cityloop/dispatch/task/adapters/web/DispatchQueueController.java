package io.cityloop.dispatch.task.adapters.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.cityloop.dispatch.task.application.TaskQueries;
import io.cityloop.dispatch.task.model.ReturnReview;
import io.cityloop.dispatch.task.model.Task;

/** 待派遣: the returned tasks waiting for a dispatcher to judge the return and send the case out again. */
@RestController
class DispatchQueueController {

    private final TaskQueries queries;

    DispatchQueueController(TaskQueries queries) {
        this.queries = queries;
    }

    /** One returned task in the queue, with the unit's reason and the dispatcher's review when made. */
    record QueueEntry(String taskId, String caseId, String unitId, String unitName, String categoryCode,
                      String categoryName, String districtCode, String gridCode, Instant dispatchedAt,
                      String returnReason, ReturnReview returnReview) {

        static QueueEntry of(Task task) {
            return new QueueEntry(task.id().value(), task.caseId(), task.unitId(), task.unitName(),
                    task.categoryCode(), task.categoryName(), task.districtCode(), task.gridCode(),
                    task.dispatchedAt(), task.returnReason(), task.returnReview());
        }
    }

    @GetMapping("/api/dispatch-queue")
    @PreAuthorize("hasAnyRole('DISPATCHER','SUPERVISOR')")
    List<QueueEntry> queue(@RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return queries.dispatchQueue(limit).stream().map(QueueEntry::of).toList();
    }
}
