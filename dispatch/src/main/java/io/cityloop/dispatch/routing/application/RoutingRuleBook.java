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
     * @throws io.cityloop.dispatch.routing.model.InvalidRuleSetException when a rule is wrong or a category has no
     *                                                                  default
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

    /** Stores the shipped rules as version 1 unless some version exists; replicas racing here insert it once. */
    public void seed(PublishedRuleSet shipped) {
        if (store.latest().isPresent()) {
            return;
        }
        shipped.ruleSet().validate(reference);
        if (store.insert(shipped)) {
            log.info("routing rules v{} seeded ({} rules)", shipped.ruleSet().version(),
                    shipped.ruleSet().rules().size());
        }
    }
}
