package io.cityloop.reference;

import java.util.List;

/**
 * A command refused by the model because it breaks one or more rules ({@link BrokenRule}); nothing was changed.
 * A feature names its own refusals by extending it ({@code CaseRuleViolation}, {@code InvalidCalendarException}),
 * and each service's web advice answers every one of them as a 400 {@code validation} problem naming the fields.
 */
public class RuleViolationException extends RuntimeException {

    private final List<BrokenRule> broken;

    public RuleViolationException(String field, String rule, String message) {
        this(List.of(new BrokenRule(field, rule, message)));
    }

    public RuleViolationException(List<BrokenRule> broken) {
        super(summary(broken));
        this.broken = List.copyOf(broken);
    }

    public List<BrokenRule> broken() {
        return broken;
    }

    /** The first broken rule's field, for callers that refuse one field at a time. */
    public String field() {
        return broken.get(0).field();
    }

    /** The first broken rule's rule. */
    public String rule() {
        return broken.get(0).rule();
    }

    private static String summary(List<BrokenRule> broken) {
        if (broken.isEmpty()) {
            throw new IllegalArgumentException("a rule violation names at least one broken rule");
        }
        return broken.size() == 1 ? broken.get(0).message()
                : broken.get(0).message() + " (and " + (broken.size() - 1) + " more)";
    }
}
