package io.cityloop.intake.casefile.adapters.web;

import io.cityloop.platform.problem.Problems;
import io.cityloop.platform.security.CurrentUser;

/**
 * What an inspector's lists of work on site (核查, 核实) have in common: an inspector sees their own, a shift lead
 * everyone's, at most 200 at a time.
 */
final class OnSiteWorkList {

    private static final int MAX = 200;

    private OnSiteWorkList() {
    }

    /** Whose requests to list: the inspector's own, or everyone's ({@code null}) for a shift lead. */
    static String assigneeOf(CurrentUser user) {
        return user.hasRole("shift-lead") ? null : user.username();
    }

    static int checkedLimit(int limit) {
        if (limit < 1 || limit > MAX) {
            throw Problems.validation("limit", "range", "must be between 1 and " + MAX);
        }
        return limit;
    }
}
