package io.cityloop.dispatch.task.model;

import io.cityloop.dispatch.routing.model.CategoryTerms;
import io.cityloop.reference.TimeLimitSpec;

/**
 * What a task is about: the case, its category with the handling limit (办理时限) the deadline is counted from, and
 * where it lies. Fixed at dispatch.
 *
 * @param defaultUnit    the category's default unit in the catalog version that set the limit
 * @param catalogVersion the catalog version whose terms set the limit; {@code null} on tasks stored before tasks
 *                       recorded it (the shipped catalog's)
 */
public record TaskSubject(String caseId, String categoryCode, String categoryName, String urgency,
                          String districtCode, String gridCode, TimeLimitSpec timeLimit, String defaultUnit,
                          String catalogVersion) {

    static TaskSubject of(FiledCase filed, CategoryTerms category) {
        return new TaskSubject(filed.caseId(), category.code(), category.name(), category.urgency(),
                filed.districtCode(), filed.gridCode(), category.handlingLimit(), category.defaultUnit(),
                category.catalogVersion());
    }

    /** The case as filed, for dispatching it again under the same terms. */
    public FiledCase filedCase() {
        return new FiledCase(caseId, categoryCode, districtCode, gridCode, terms());
    }

    /** The terms this task was dispatched under; {@code null} when the task predates recording them. */
    public CategoryTerms terms() {
        return catalogVersion == null ? null
                : new CategoryTerms(categoryCode, categoryName, urgency, timeLimit, defaultUnit, catalogVersion);
    }
}
