package io.cityloop.dispatch.routing.model;

import io.cityloop.reference.Category;
import io.cityloop.reference.District;
import io.cityloop.reference.HandlingUnit;

/**
 * Where a case goes (派遣对象): the handling unit, with the category and district the decision was made on, and
 * the rule of which rule-set version chose the unit ({@code ruleId} is {@code manual} for a dispatcher's choice).
 */
public record Route(HandlingUnit unit, Category category, District district, String ruleId, long ruleSetVersion) {

    public static final String MANUAL = "manual";
}
