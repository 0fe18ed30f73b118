package io.cityloop.dispatch.routing.adapters.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityloop.dispatch.routing.application.PublishedRuleSet;
import io.cityloop.dispatch.routing.application.RoutingRuleBook;
import io.cityloop.dispatch.routing.model.RoutingRule;
import io.cityloop.dispatch.routing.model.RuleSet;
import io.cityloop.reference.Category;
import io.cityloop.reference.CityReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default rule set shipped in {@code cityloop/dispatch/routing-rules.json}: every category's default unit from
 * the catalog plus the city's place and owner exceptions. Seeded into MongoDB as version 1 on first start.
 */
@Configuration(proxyBeanMethods = false)
class ShippedRoutingRules {

    static final String RESOURCE = "/cityloop/dispatch/routing-rules.json";

    @Bean
    InitializingBean routingRulesSeed(RoutingRuleBook ruleBook, CityReference reference, Clock clock) {
        return () -> ruleBook.seed(load(reference, clock));
    }

    /**
     * The shipped rules, plus the catalog's default unit for any category the file does not route: the catalog
     * grows (a new minor category) independently of this file, and no category may be left without a route.
     */
    static PublishedRuleSet load(CityReference reference, Clock clock) {
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
            Set<String> routed = rules.stream().filter(RoutingRule::isCategoryDefault)
                    .map(RoutingRule::categoryCode).collect(Collectors.toSet());
            for (Category category : reference.catalog().all()) {
                if (!routed.contains(category.code())) {
                    rules.add(new RoutingRule("default-" + category.code(), category.code(), null, null, null, null,
                            category.defaultUnit(), category.name() + "：按部件事件目录默认处置单位"));
                }
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
