package io.cityloop.dispatch.routing.model;

import io.cityloop.reference.District;
import io.cityloop.reference.HandlingUnit;

/**
 * Where a case goes (派遣对象): the handling unit, with the category terms and district the decision was made on, and
 * the rule of which rule-set version chose the unit ({@code ruleId} is {@code manual} for a dispatcher's choice and
 * {@code catalog-default} when no rule matched and the category's default unit in the catalog decided).
 */
public record Route(HandlingUnit unit, CategoryTerms category, District district, String ruleId,
                    long ruleSetVersion) {

    public static final String MANUAL = "manual";
    public static final String CATALOG_DEFAULT = "catalog-default";
}
