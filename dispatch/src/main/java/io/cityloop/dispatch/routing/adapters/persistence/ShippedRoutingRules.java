package io.cityloop.dispatch.routing.adapters.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityloop.dispatch.routing.application.PublishedRuleSet;
import io.cityloop.dispatch.routing.application.RoutingRuleBook;
import io.cityloop.dispatch.routing.model.RoutingRule;
import io.cityloop.dispatch.routing.model.RuleSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default rule set shipped in {@code cityloop/dispatch/routing-rules.json}: the city's place and owner exceptions
 * to the catalog's default units. Seeded into MongoDB as version 1 on first start.
 */
@Configuration(proxyBeanMethods = false)
class ShippedRoutingRules {

    static final String RESOURCE = "/cityloop/dispatch/routing-rules.json";

    @Bean
    InitializingBean routingRulesSeed(RoutingRuleBook ruleBook, Clock clock) {
        return () -> ruleBook.seed(load(clock));
    }

    /**
     * The shipped rules: the city's place and owner exceptions. A category no rule matches goes to its default unit
     * in the catalog version it was filed under, so the file restates no catalog default.
     */
    static PublishedRuleSet load(Clock clock) {
        try (InputStream in = ShippedRoutingRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            JsonNode root = JsonMapper.builder().build().readTree(in);
            List<RoutingRule> rules = new ArrayList<>();
            for (JsonNode rule : root.required("rules")) {
                rules.add(new RoutingRule(rule.required("id").asString(), rule.required("categoryCode").asString(),
                        text(rule, "districtCode"), text(rule, "streetCode"), text(rule, "cellCode"),
                        text(rule, "componentOwner"), rule.required("unit").asString(), text(rule, "note")));
            }
            return new PublishedRuleSet(new RuleSet(root.required("version").asLong(), rules), clock.instant(),
                    "system", root.path("reason").asString("shipped default rules"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
