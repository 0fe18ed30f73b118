package io.cityloop.intake.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cityloop.reference.Category;
import io.cityloop.reference.CategoryCatalog;
import io.cityloop.reference.CategoryKind;
import io.cityloop.reference.TimeLimitSpec;

/** The catalog as the console browses it: type (部件/事件) → major class → minor categories. */
record CategoryTree(String version, List<Type> types) {

    record Type(String code, String name, List<Major> majors) {
    }

    record Major(String code, String name, List<Minor> categories) {
    }

    record Minor(String code, String name, String urgency, TimeLimitSpec handlingLimit, double verificationLimitHours,
                 String defaultUnit, String filingCriterion, String closingCriterion) {
    }

    static CategoryTree of(CategoryCatalog catalog) {
        Map<String, Map<String, List<Category>>> byTypeAndMajor = new LinkedHashMap<>();
        for (Category category : catalog.all()) {
            byTypeAndMajor.computeIfAbsent(category.code().substring(0, 2), t -> new LinkedHashMap<>())
                    .computeIfAbsent(category.code().substring(0, 5), m -> new ArrayList<>())
                    .add(category);
        }
        List<Type> types = byTypeAndMajor.entrySet().stream()
                .map(type -> new Type(type.getKey(), kindName(type.getValue()),
                        type.getValue().entrySet().stream()
                                .map(major -> new Major(major.getKey(), major.getValue().get(0).majorName(),
                                        major.getValue().stream().map(CategoryTree::minor).toList()))
                                .toList()))
                .toList();
        return new CategoryTree(catalog.version(), types);
    }

    /** The kind its categories have in the catalog: every category of a type has the same. */
    private static String kindName(Map<String, List<Category>> majors) {
        return majors.values().iterator().next().get(0).kind() == CategoryKind.COMPONENT ? "部件" : "事件";
    }

    private static Minor minor(Category c) {
        return new Minor(c.code(), c.name(), c.urgency().name(), c.handlingLimit(), c.verificationLimitHours(),
                c.defaultUnit(), c.filingCriterion(), c.closingCriterion());
    }
}
