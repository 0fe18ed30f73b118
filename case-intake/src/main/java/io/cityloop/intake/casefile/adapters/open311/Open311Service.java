package io.cityloop.intake.casefile.adapters.open311;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.cityloop.reference.Category;
import io.cityloop.reference.CategoryKind;

/**
 * A category of the catalog (管理部件和事件) as an Open311 service: the code and name, the filing criterion as the
 * description (what the city will act on), grouped by major class. No service takes extra attributes.
 */
record Open311Service(
        @JsonProperty("service_code") String serviceCode,
        @JsonProperty("service_name") String serviceName,
        String description,
        boolean metadata,
        String type,
        String keywords,
        String group) {

    static Open311Service of(Category category) {
        String kind = category.kind() == CategoryKind.COMPONENT ? "部件" : "事件";
        return new Open311Service(category.code(), category.name(), category.filingCriterion(), false, "realtime",
                String.join(",", kind, category.majorName(), category.name()), category.majorName());
    }
}
