package io.cityloop.dispatch.task.adapters.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.cityloop.reference.WorkingTimeUnit;

/** The bodies of the task commands. Every command that changes the unit's position needs a reason. */
final class TaskRequests {

    private TaskRequests() {
    }

    /** 回退, 挂账, 督办, 恢复: a reason and nothing else. */
    record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** 延期申请: how much more working time, e.g. 2 WORKING_DAYS. */
    record ExtensionRequestBody(
            @NotNull @DecimalMin(value = "0.5") @DecimalMax("60") Double amount,
            @NotNull WorkingTimeUnit unit,
            @NotBlank @Size(max = 500) String reason) {
    }

    /** 延期审批 and 回退审核: yes or no, with a reason. */
    record DecisionRequest(@NotNull Boolean approved, @NotBlank @Size(max = 500) String reason) {
    }

    record ReturnReviewRequest(@NotNull Boolean justified, @NotBlank @Size(max = 500) String reason) {
    }

    /**
     * 改派.
     *
     * @param unitId         a unit id, or {@code DISTRICT} for the case's district platform; empty lets the rules
     *                       choose
     * @param componentOwner the component's owner unit when known, for owner rules
     */
    /**
     * 改派 of an open task.
     *
     * @param unitId a unit id, or {@code DISTRICT} for the case's district platform; another unit than the task's
     */
    record ReassignRequest(@NotBlank @Size(max = 40) String unitId, @NotBlank @Size(max = 500) String reason) {
    }

    /** 人工派遣 of a parked filed case: the chosen unit id, or {@code DISTRICT}. */
    record ManualDispatchRequest(@NotBlank @Size(max = 40) String unitId, @NotBlank @Size(max = 500) String reason) {
    }

    record RedispatchRequest(@Size(max = 40) String unitId, @Size(max = 40) String componentOwner,
                             @NotBlank @Size(max = 500) String reason) {
    }
}
