package io.cityloop.dispatch.routing.model;

import io.cityloop.dispatch.routing.model.UnroutableCaseException.Reason;
import io.cityloop.reference.Category;
import io.cityloop.reference.CityReference;
import io.cityloop.reference.District;
import io.cityloop.reference.HandlingUnit;

/**
 * 派遣: applies a rule set to a case. The most specific matching rule names a municipal department, or says
 * {@code DISTRICT}, in which case the platform of the district where the problem occurs handles it and dispatches
 * on to its streets.
 */
public final class RoutingRules {

    private final CityReference reference;
    private final RuleSet ruleSet;

    public RoutingRules(CityReference reference, RuleSet ruleSet) {
        this.reference = reference;
        this.ruleSet = ruleSet;
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    /**
     * Decides the handling unit for a case.
     *
     * @throws UnroutableCaseException when the category, the district or the unit is not in the reference data, or
     *                                 no rule matches
     */
    public Route route(RoutingRequest request) {
        Category category = category(request.categoryCode());
        District district = district(request.districtCode());
        RoutingRule rule = ruleSet.bestMatch(request)
                .orElseThrow(() -> new UnroutableCaseException(Reason.NO_RULE, "no rule of version "
                        + ruleSet.version() + " routes category " + request.categoryCode()));
        String unitId = rule.sendsToDistrict() ? district.unitId() : rule.unit();
        return new Route(unit(unitId, rule.id()), category, district, rule.id(), ruleSet.version());
    }

    /**
     * A dispatcher's own choice (人工派遣): a department, {@code DISTRICT} for the case's district platform, or that
     * platform by id. Another district's platform is refused: a district handles only its own territory.
     */
    public Route manual(String categoryCode, String districtCode, String unitChoice) {
        Category category = category(categoryCode);
        District district = district(districtCode);
        String unitId = RoutingRule.DISTRICT_UNIT.equals(unitChoice) ? district.unitId() : unitChoice;
        HandlingUnit unit = unit(unitId, Route.MANUAL);
        if (unit.kind() == HandlingUnit.Kind.DISTRICT && !unit.id().equals(district.unitId())) {
            throw new UnroutableCaseException(Reason.FOREIGN_DISTRICT, unit.name() + " cannot handle a case in "
                    + district.name() + "; choose " + district.unitId() + " or a municipal department");
        }
        return new Route(unit, category, district, Route.MANUAL, ruleSet.version());
    }

    private Category category(String code) {
        return reference.catalog().find(code)
                .orElseThrow(() -> new UnroutableCaseException(Reason.UNKNOWN_CATEGORY,
                        "category " + code + " is not in catalog " + reference.catalog().version()));
    }

    private District district(String code) {
        return reference.district(code)
                .orElseThrow(() -> new UnroutableCaseException(Reason.UNKNOWN_DISTRICT,
                        "district " + code + " is not one of the city's districts"));
    }

    private HandlingUnit unit(String unitId, String ruleId) {
        return reference.unit(unitId)
                .orElseThrow(() -> new UnroutableCaseException(Reason.UNKNOWN_UNIT,
                        "handling unit " + unitId + " named by rule " + ruleId + " does not exist"));
    }
}
