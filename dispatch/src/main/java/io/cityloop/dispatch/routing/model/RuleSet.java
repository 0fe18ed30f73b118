package io.cityloop.dispatch.routing.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.cityloop.reference.BrokenRule;
import io.cityloop.reference.CityReference;

/**
 * 派遣规则集: the routing rules as one numbered version. A version is published whole and never edited, so every
 * task can name the rule and version that chose its unit.
 */
public record RuleSet(long version, List<RoutingRule> rules) {

    private static final String DIGITS = "\\d+";

    public RuleSet {
        rules = List.copyOf(rules);
    }

    /** The most specific rule that matches; a category default always matches its category. */
    public Optional<RoutingRule> bestMatch(RoutingRequest request) {
        return rules.stream().filter(rule -> rule.matches(request))
                .max(Comparator.comparingInt(RoutingRule::specificity));
    }

    /**
     * Checks the rules against the city's reference data.
     *
     * @throws InvalidRuleSetException listing every violation when there is any
     */
    public void validate(CityReference reference) {
        List<BrokenRule> violations = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> criteria = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            RoutingRule rule = rules.get(i);
            String at = "rules[" + i + "]";
            if (!ids.add(rule.id())) {
                violations.add(new BrokenRule(at + ".id", "unique", "rule id " + rule.id() + " is used twice"));
            }
            if (!criteria.add(rule.criteria())) {
                violations.add(new BrokenRule(at, "unambiguous",
                        "rule " + rule.id() + " has the same criteria as an earlier rule"));
            }
            checkRule(rule, at, reference, violations);
        }
        if (!violations.isEmpty()) {
            throw new InvalidRuleSetException(violations);
        }
    }

    private static void checkRule(RoutingRule rule, String at, CityReference reference,
                                  List<BrokenRule> violations) {
        if (reference.catalog().find(rule.categoryCode()).isEmpty()) {
            violations.add(new BrokenRule(at + ".categoryCode", "known-category",
                    rule.categoryCode() + " is not in the category catalog"));
        }
        if (!rule.sendsToDistrict() && reference.unit(rule.unit()).isEmpty()) {
            violations.add(new BrokenRule(at + ".unit", "known-unit",
                    rule.unit() + " is neither a handling unit nor " + RoutingRule.DISTRICT_UNIT));
        }
        if (rule.componentOwner() != null && reference.unit(rule.componentOwner()).isEmpty()) {
            violations.add(new BrokenRule(at + ".componentOwner", "known-unit",
                    rule.componentOwner() + " is not a handling unit"));
        }
        if (rule.districtCode() != null && reference.district(rule.districtCode()).isEmpty()) {
            violations.add(new BrokenRule(at + ".districtCode", "known-district",
                    rule.districtCode() + " is not one of the city's districts"));
        }
        checkPlaceCode(rule.streetCode(), 9, rule.districtCode(), at + ".streetCode", violations);
        checkPlaceCode(rule.cellCode(), 16, rule.streetCode() != null ? rule.streetCode() : rule.districtCode(),
                at + ".cellCode", violations);
        if (rule.sendsToDistrict() && rule.districtCode() == null && rule.streetCode() == null
                && rule.cellCode() == null && rule.componentOwner() != null) {
            violations.add(new BrokenRule(at + ".unit", "owner-names-unit",
                    "an owner rule must name the unit, not " + RoutingRule.DISTRICT_UNIT));
        }
    }

    /** A street or cell code must have its length and lie inside the district or street the rule also names. */
    private static void checkPlaceCode(String code, int length, String enclosing, String field,
                                       List<BrokenRule> violations) {
        if (code == null) {
            return;
        }
        if (code.length() != length || !code.matches(DIGITS)) {
            violations.add(new BrokenRule(field, "format", code + " must be " + length + " digits"));
        } else if (enclosing != null && !code.startsWith(enclosing)) {
            violations.add(new BrokenRule(field, "inside", code + " does not lie inside " + enclosing));
        }
    }
}
