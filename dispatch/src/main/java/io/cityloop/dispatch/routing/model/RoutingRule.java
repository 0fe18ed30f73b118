package io.cityloop.dispatch.routing.model;

import java.util.Objects;

/**
 * 派遣规则: one line of the rule set. It applies to a category, optionally narrowed to a district, a street (街道) or
 * one grid cell, and optionally to cases whose component belongs to a given owner (权属单位); it names the unit that
 * handles such cases, or {@link #DISTRICT_UNIT} for the district's own platform where the problem occurs.
 *
 * @param componentOwner the unit id of the component's owner, e.g. {@code dept-16} for a 市水务集团 manhole
 */
public record RoutingRule(
        String id,
        String categoryCode,
        String districtCode,
        String streetCode,
        String cellCode,
        String componentOwner,
        String unit,
        String note) {

    public static final String DISTRICT_UNIT = "DISTRICT";

    public RoutingRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(categoryCode, "categoryCode");
        Objects.requireNonNull(unit, "unit");
        districtCode = blankToNull(districtCode);
        streetCode = blankToNull(streetCode);
        cellCode = blankToNull(cellCode);
        componentOwner = blankToNull(componentOwner);
    }

    /** The category's fallback (兜底) rule: no place, no owner. */
    public boolean isCategoryDefault() {
        return districtCode == null && streetCode == null && cellCode == null && componentOwner == null;
    }

    /**
     * How narrowly the rule is drawn: an owner rule beats any place rule, because the owner of a manhole decides
     * who repairs it wherever it lies; among place rules, a cell beats a street beats a district beats the city.
     */
    public int specificity() {
        int place = cellCode != null ? 3 : streetCode != null ? 2 : districtCode != null ? 1 : 0;
        return (componentOwner != null ? 10 : 0) + place;
    }

    public boolean matches(RoutingRequest request) {
        return categoryCode.equals(request.categoryCode())
                && (districtCode == null || districtCode.equals(request.districtCode()))
                && (streetCode == null || streetCode.equals(request.streetCode()))
                && (cellCode == null || cellCode.equals(request.gridCode()))
                && (componentOwner == null || componentOwner.equals(request.componentOwner()));
    }

    /** Two rules with the same criteria could never be told apart. */
    String criteria() {
        return categoryCode + "|" + districtCode + "|" + streetCode + "|" + cellCode + "|" + componentOwner;
    }

    public boolean sendsToDistrict() {
        return DISTRICT_UNIT.equals(unit);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
