package io.cityloop.dispatch.task.model;

import io.cityloop.dispatch.routing.model.CategoryTerms;

/**
 * The part of a filed case (已立案) that the command center needs to dispatch it.
 *
 * @param category the category's terms as filed; {@code null} for a filing from before they travelled with it, when
 *                 the shipped catalog's apply
 */
public record FiledCase(String caseId, String categoryCode, String districtCode, String gridCode,
                        CategoryTerms category) {

    public FiledCase(String caseId, String categoryCode, String districtCode, String gridCode) {
        this(caseId, categoryCode, districtCode, gridCode, null);
    }
}
