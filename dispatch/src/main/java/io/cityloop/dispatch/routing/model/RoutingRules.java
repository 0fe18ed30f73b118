package io.cityloop.dispatch.routing.model;

import io.cityloop.dispatch.routing.model.UnroutableCaseException.Reason;
import io.cityloop.reference.CityReference;
import io.cityloop.reference.District;
import io.cityloop.reference.HandlingUnit;

/**
 * 派遣: applies a rule set to a case. The most specific matching rule names a municipal department, or says
 * {@code DISTRICT}, in which case the platform of the district where the problem occurs handles it and dispatches
 * on to its streets; where no rule matches, the category's default unit in the catalog does.
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

    /** Decides the handling unit for a case whose filing carried no category terms: the shipped catalog's apply. */
    public Route route(RoutingRequest request) {
        return route(request, null);
    }

    /**
     * Decides the handling unit for a case: the most specific rule that matches, or else the category's default unit
     * in the catalog version it was filed under — the rule set holds the command center's exceptions and overrides,
     * the catalog each category's default.
     *
     * @param filed the category's terms as filed; {@code null} for a filing from before they travelled with it
     * @throws UnroutableCaseException when the category, the district or the unit is not known, or neither a rule
     *                                 nor the catalog names a unit
     */
    public Route route(RoutingRequest request, CategoryTerms filed) {
        CategoryTerms category = terms(request.categoryCode(), filed);
        District district = district(request.districtCode());
        RoutingRule rule = ruleSet.bestMatch(request).orElse(null);
        if (rule != null) {
            String unitId = rule.sendsToDistrict() ? district.unitId() : rule.unit();
            return new Route(unit(unitId, "rule " + rule.id()), category, district, rule.id(), ruleSet.version());
        }
        if (category.defaultUnit() == null) {
            throw new UnroutableCaseException(Reason.NO_RULE, "no rule of version " + ruleSet.version()
                    + " routes category " + request.categoryCode() + " and catalog " + category.catalogVersion()
                    + " names no default unit");
        }
        String unitId = category.handledByDistrict() ? district.unitId() : category.defaultUnit();
        return new Route(unit(unitId, "catalog " + category.catalogVersion()), category, district,
                Route.CATALOG_DEFAULT, ruleSet.version());
    }

    /** A dispatcher's choice for a case whose filing carried no category terms. */
    public Route manual(String categoryCode, String districtCode, String unitChoice) {
        return manual(categoryCode, null, districtCode, unitChoice);
    }

    /**
     * A dispatcher's own choice (人工派遣): a department, {@code DISTRICT} for the case's district platform, or that
     * platform by id. Another district's platform is refused: a district handles only its own territory.
     *
     * @param filed the category's terms as filed, or {@code null}
     */
    public Route manual(String categoryCode, CategoryTerms filed, String districtCode, String unitChoice) {
        CategoryTerms category = terms(categoryCode, filed);
        District district = district(districtCode);
        String unitId = RoutingRule.DISTRICT_UNIT.equals(unitChoice) ? district.unitId() : unitChoice;
        HandlingUnit unit = unit(unitId, "the dispatcher");
        if (unit.kind() == HandlingUnit.Kind.DISTRICT && !unit.id().equals(district.unitId())) {
            throw new UnroutableCaseException(Reason.FOREIGN_DISTRICT, unit.name() + " cannot handle a case in "
                    + district.name() + "; choose " + district.unitId() + " or a municipal department");
        }
        return new Route(unit, category, district, Route.MANUAL, ruleSet.version());
    }

    /**
     * The terms the filing carried; for a filing from before they travelled with it, the shipped catalog's (the
     * version every case was filed under then).
     */
    private CategoryTerms terms(String code, CategoryTerms filed) {
        if (filed != null) {
            return filed;
        }
        return reference.catalog().find(code)
                .map(category -> CategoryTerms.of(category, reference.catalog().version()))
                .orElseThrow(() -> new UnroutableCaseException(Reason.UNKNOWN_CATEGORY,
                        "category " + code + " is not in catalog " + reference.catalog().version()));
    }

    private District district(String code) {
        return reference.district(code)
                .orElseThrow(() -> new UnroutableCaseException(Reason.UNKNOWN_DISTRICT,
                        "district " + code + " is not one of the city's districts"));
    }

    private HandlingUnit unit(String unitId, String namedBy) {
        return reference.unit(unitId)
                .orElseThrow(() -> new UnroutableCaseException(Reason.UNKNOWN_UNIT,
                        "handling unit " + unitId + " named by " + namedBy + " does not exist"));
    }
}
