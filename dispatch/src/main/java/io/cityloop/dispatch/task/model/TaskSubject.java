package io.cityloop.dispatch.task.model;

import io.cityloop.reference.Category;
import io.cityloop.reference.TimeLimitSpec;

/**
 * What a task is about: the case, its category with the handling limit (办理时限) the deadline is counted from, and
 * where it lies. Fixed at dispatch.
 */
public record TaskSubject(String caseId, String categoryCode, String categoryName, String urgency,
                          String districtCode, String gridCode, TimeLimitSpec timeLimit) {

    static TaskSubject of(FiledCase filed, Category category) {
        return new TaskSubject(filed.caseId(), category.code(), category.name(), category.urgency().name(),
                filed.districtCode(), filed.gridCode(), category.handlingLimit());
    }

    /** The case as filed, for dispatching it again. */
    public FiledCase filedCase() {
        return new FiledCase(caseId, categoryCode, districtCode, gridCode);
    }
}
