package io.cityloop.dispatch.routing.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.cityloop.dispatch.routing.model.Route;
import io.cityloop.dispatch.routing.model.RoutingRequest;
import io.cityloop.dispatch.routing.model.RoutingRule;
import io.cityloop.dispatch.routing.model.RuleSet;
import io.cityloop.reference.Category;
import io.cityloop.reference.CityReference;

/**
 * A store seeded before the catalog's default unit decided where no rule matches still holds one generated rule per
 * category restating the shipped default; the rule book publishes the latest version without them, once, and keeps
 * every rule a dispatcher wrote.
 */
class RoutingRuleBookTest {

    private static final CityReference REFERENCE = CityReference.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final RoutingRule WEICHENG_COVERS = new RoutingRule("weicheng-missing-cover", "02-04-06", "610404",
            null, null, null, "dept-16", "渭城区井盖缺失由市水务集团统一补装");
    /** A dispatcher's own category rule: another unit than the catalog's default for 道路不洁. */
    private static final RoutingRule SANITATION = new RoutingRule("default-02-01-03", "02-01-03", null, null, null,
            null, "dept-11", "道路不洁统一由环卫中心负责");

    private final InMemoryRuleSets store = new InMemoryRuleSets();
    private final RoutingRuleBook book = new RoutingRuleBook(store, REFERENCE, CLOCK);

    @Test
    void rulesThatOnlyRestatedTheCatalogAreDroppedOnceAndTheDispatchersStay() {
        List<RoutingRule> old = new ArrayList<>(List.of(WEICHENG_COVERS, SANITATION));
        for (Category category : REFERENCE.catalog().all()) {
            if (!category.code().equals("02-01-03")) {
                old.add(new RoutingRule("default-" + category.code(), category.code(), null, null, null, null,
                        category.defaultUnit(), category.name() + "：按部件事件目录默认处置单位"));
            }
        }
        store.insert(new PublishedRuleSet(new RuleSet(1, old), CLOCK.instant(), "system", "shipped"));

        book.seed(new PublishedRuleSet(new RuleSet(1, List.of()), CLOCK.instant(), "system", "shipped"));
        book.seed(new PublishedRuleSet(new RuleSet(1, List.of()), CLOCK.instant(), "system", "shipped"));

        PublishedRuleSet latest = book.latest();
        assertThat(latest.ruleSet().version()).as("published once").isEqualTo(2);
        assertThat(latest.publishedBy()).isEqualTo("system");
        assertThat(latest.ruleSet().rules()).containsExactly(WEICHENG_COVERS, SANITATION);
        Route road = book.current().route(RoutingRequest.of("02-01-03", "610402", "6104020050030184"));
        assertThat(road.unit().id()).isEqualTo("dept-11");
        Route garbage = book.current().route(RoutingRequest.of("02-01-01", "610402", "6104020050030184"));
        assertThat(garbage.ruleId()).isEqualTo(Route.CATALOG_DEFAULT);
        assertThat(garbage.unit().id()).isEqualTo("district-610402");
    }

    @Test
    void anEmptyStoreIsSeededWithTheShippedRules() {
        book.seed(new PublishedRuleSet(new RuleSet(1, List.of(WEICHENG_COVERS)), CLOCK.instant(), "system",
                "shipped"));

        assertThat(book.latest().ruleSet().version()).isEqualTo(1);
        assertThat(book.latest().ruleSet().rules()).containsExactly(WEICHENG_COVERS);
    }

    private static final class InMemoryRuleSets implements RuleSetStore {

        private final Map<Long, PublishedRuleSet> versions = new TreeMap<>();

        @Override
        public Optional<PublishedRuleSet> latest() {
            return versions.values().stream().reduce((first, second) -> second);
        }

        @Override
        public Optional<PublishedRuleSet> version(long version) {
            return Optional.ofNullable(versions.get(version));
        }

        @Override
        public boolean insert(PublishedRuleSet published) {
            return versions.putIfAbsent(published.ruleSet().version(), published) == null;
        }
    }
}
