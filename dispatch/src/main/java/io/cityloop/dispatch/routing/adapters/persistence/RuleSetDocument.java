package io.cityloop.dispatch.routing.adapters.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import io.cityloop.dispatch.routing.model.RoutingRule;

/** One published rule-set version; the version number is the id, so two publications cannot share it. */
@Document(RuleSetDocument.COLLECTION)
public record RuleSetDocument(@Id long version, List<RoutingRule> rules, Instant publishedAt, String publishedBy,
                              String reason) {

    public static final String COLLECTION = "routing-rule-sets";
}
