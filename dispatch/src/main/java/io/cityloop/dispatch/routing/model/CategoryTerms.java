package io.cityloop.dispatch.routing.model;

import io.cityloop.reference.Category;
import io.cityloop.reference.TimeLimitSpec;

/**
 * 类别条款: what the command center needs of a case's category — its name, urgency, handling limit (办理时限) and
 * default unit — as the catalog version named here defines it. The supervision center owns the catalog and sends
 * these terms with each filing, so an admin's edit reaches the next task filed under it.
 *
 * @param defaultUnit a department id, or {@link Category#DISTRICT_UNIT} for the district where the problem is
 */
public record CategoryTerms(String code, String name, String urgency, TimeLimitSpec handlingLimit,
                            String defaultUnit, String catalogVersion) {

    public static CategoryTerms of(Category category, String catalogVersion) {
        return new CategoryTerms(category.code(), category.name(), category.urgency().name(),
                category.handlingLimit(), category.defaultUnit(), catalogVersion);
    }

    public boolean handledByDistrict() {
        return Category.DISTRICT_UNIT.equals(defaultUnit);
    }
}
