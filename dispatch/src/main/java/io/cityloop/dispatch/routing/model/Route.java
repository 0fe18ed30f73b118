package io.cityloop.dispatch.routing.model;

import io.cityloop.reference.Category;
import io.cityloop.reference.District;
import io.cityloop.reference.HandlingUnit;

/** Where a case goes (派遣对象): the handling unit, with the category and district the decision was made on. */
public record Route(HandlingUnit unit, Category category, District district) {
}
