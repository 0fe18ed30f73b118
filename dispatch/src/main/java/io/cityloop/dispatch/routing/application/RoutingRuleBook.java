package io.cityloop.dispatch.routing.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.cityloop.dispatch.routing.model.RoutingRule;
import io.cityloop.dispatch.routing.model.RoutingRules;
import io.cityloop.dispatch.routing.model.RuleSet;
import io.cityloop.reference.CityReference;

/**
 * The routing rule book (派遣规则): the latest published rule set, and publication of a new one by an admin after
 * validation. Every replica reads the latest version from the store, so a publication takes effect everywhere.
 */
@Service
public class RoutingRuleBook {

    private static final Logger log = LoggerFactory.getLogger(RoutingRuleBook.class);

    private final RuleSetStore store;
    private final CityReference reference;
    private final Clock clock;

    public RoutingRuleBook(RuleSetStore store, CityReference reference, Clock clock) {
        this.store = store;
        this.reference = reference;
        this.clock = clock;
    }

    public PublishedRuleSet latest() {
        return store.latest().orElseThrow(() -> new IllegalStateException("no routing rules were seeded"));
    }

    public Optional<PublishedRuleSet> version(long version) {
        return store.version(version);
    }

    /** The rules to route with now. */
    public RoutingRules current() {
        return new RoutingRules(reference, latest().ruleSet());
    }

    /**
     * Publishes {@code rules} as the next version.
     *
     * @throws io.cityloop.dispatch.routing.model.InvalidRuleSetException when a rule is wrong
     * @throws StaleRuleSetException                                    when {@code basedOn} is not the latest
     */
    public PublishedRuleSet publish(List<RoutingRule> rules, long basedOn, String by, String reason) {
        long latest = latest().ruleSet().version();
        if (basedOn != latest) {
            throw new StaleRuleSetException(basedOn, latest);
        }
        RuleSet next = new RuleSet(latest + 1, rules);
        next.validate(reference);
        PublishedRuleSet published = new PublishedRuleSet(next, clock.instant(), by, reason);
        if (!store.insert(published)) {
            throw new StaleRuleSetException(basedOn, latest().ruleSet().version());
        }
        log.info("routing rules v{} published by {} ({} rules): {}", next.version(), by, rules.size(), reason);
        return published;
    }

    /**
     * Stores the shipped rules as version 1 unless some version exists; replicas racing here insert it once. A store
     * whose latest version still restates the catalog's default units gets a version without them (see
     * {@link #withoutRestatedDefaults}).
     */
    public void seed(PublishedRuleSet shipped) {
        if (store.latest().isPresent()) {
            withoutRestatedDefaults();
            return;
        }
        shipped.ruleSet().validate(reference);
        if (store.insert(shipped)) {
            log.info("routing rules v{} seeded ({} rules)", shipped.ruleSet().version(),
                    shipped.ruleSet().rules().size());
        }
    }

    /**
     * Rule sets seeded before the catalog's default unit decided where no rule matches carry one generated rule
     * per category ({@code default-<code>}) restating the shipped catalog's default; left in place they would shadow
     * every later edit of a default unit in the catalog. Publishes the latest version without them, once; a
     * category rule a dispatcher wrote (another id, or another unit) stays.
     */
    void withoutRestatedDefaults() {
        RuleSet latest = latest().ruleSet();
        List<RoutingRule> kept = latest.rules().stream().filter(rule -> !restatesCatalogDefault(rule)).toList();
        if (kept.size() == latest.rules().size()) {
            return;
        }
        try {
            publish(kept, latest.version(), "system", "类别默认处置单位改由部件事件目录决定：去掉 "
                    + (latest.rules().size() - kept.size()) + " 条与目录默认单位相同的类别规则");
        } catch (StaleRuleSetException raced) {
            log.debug("another replica published v{} first", raced.getMessage());
        }
    }

    private boolean restatesCatalogDefault(RoutingRule rule) {
        return rule.isCategoryDefault() && rule.id().equals("default-" + rule.categoryCode())
                && reference.catalog().find(rule.categoryCode())
                        .map(category -> category.defaultUnit().equals(rule.unit())).orElse(false);
    }
}
