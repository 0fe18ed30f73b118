package io.cityloop.dispatch.routing.model;

import io.cityloop.dispatch.routing.model.UnroutableCaseException.Reason;
import io.cityloop.reference.Category;
import io.cityloop.reference.CityReference;
import io.cityloop.reference.District;
import io.cityloop.reference.HandlingUnit;

/**
 * 派遣规则: the category names its owner (a municipal department such as 市水务集团 for water manhole covers), or
 * says {@code DISTRICT}, in which case the platform of the district where the problem occurs handles it and
 * dispatches on to its streets.
 */
public final class RoutingRules {

    private final CityReference reference;

    public RoutingRules(CityReference reference) {
        this.reference = reference;
    }

    /**
     * Decides the handling unit for a case of {@code categoryCode} that occurred in {@code districtCode}.
     *
     * @throws UnroutableCaseException when the category, the district or the unit is not in the reference data
     */
    public Route route(String categoryCode, String districtCode) {
        Category category = reference.catalog().find(categoryCode)
                .orElseThrow(() -> new UnroutableCaseException(Reason.UNKNOWN_CATEGORY,
                        "category " + categoryCode + " is not in catalog " + reference.catalog().version()));
        District district = reference.district(districtCode)
                .orElseThrow(() -> new UnroutableCaseException(Reason.UNKNOWN_DISTRICT,
                        "district " + districtCode + " is not one of the city's districts"));
        String unitId = category.handledByDistrict() ? district.unitId() : category.defaultUnit();
        HandlingUnit unit = reference.unit(unitId)
                .orElseThrow(() -> new UnroutableCaseException(Reason.UNKNOWN_UNIT,
                        "handling unit " + unitId + " of category " + categoryCode + " does not exist"));
        return new Route(unit, category, district);
    }
}
