package io.cityloop.assessment.month.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * 月结状态: draft (live numbers) → frozen (numbers fixed at the cut-off) → published (appeal window open, 申诉期)
 * → appeals (window closed, supervisors decide the remaining appeals) → final (never changes again).
 */
public enum MonthState {
    DRAFT,
    FROZEN,
    PUBLISHED,
    APPEALS,
    FINAL;

    public Set<MonthState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(FROZEN);
            case FROZEN -> EnumSet.of(PUBLISHED);
            case PUBLISHED -> EnumSet.of(APPEALS);
            case APPEALS -> EnumSet.of(FINAL);
            case FINAL -> EnumSet.noneOf(MonthState.class);
        };
    }

    /** Guards an edge; the message names both ends. */
    public MonthState to(MonthState target) {
        if (!next().contains(target)) {
            throw new IllegalTransitionException("a " + this + " month cannot become " + target);
        }
        return target;
    }

    /** Appeals may be filed while the month is published. */
    public boolean acceptsAppeals() {
        return this == PUBLISHED;
    }

    /** Appeals may be decided until the month is final. */
    public boolean acceptsDecisions() {
        return this == PUBLISHED || this == APPEALS;
    }

    /** Whether the month's numbers come from its frozen snapshot rather than the live facts. */
    public boolean frozen() {
        return this != DRAFT;
    }
}
