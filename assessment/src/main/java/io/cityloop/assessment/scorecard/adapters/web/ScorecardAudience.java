package io.cityloop.assessment.scorecard.adapters.web;

import java.util.List;

import io.cityloop.assessment.scheme.model.Scope;
import io.cityloop.assessment.scorecard.model.ScorecardRow;
import io.cityloop.platform.problem.Problems;
import io.cityloop.platform.security.CurrentUser;
import io.cityloop.reference.HandlingUnit;

/**
 * Who sees which rows: supervisors, admins, shift leads (and dispatchers on unit and regional scorecards) see every
 * row; a handling unit's user sees its own unit, a district platform's user its own district, a position holder
 * (inspector, operator, dispatcher) their own position row. Everyone allowed sees the ranking.
 */
final class ScorecardAudience {

    private static final String[] SEES_ALL = {"supervisor", "admin", "shift-lead"};

    private ScorecardAudience() {
    }

    static List<ScorecardRow> visible(CurrentUser user, Scope scope, List<ScorecardRow> rows) {
        if (seesAll(user, scope)) {
            return rows;
        }
        String own = ownEntity(user, scope);
        return rows.stream().filter(row -> row.entityId().equals(own)).toList();
    }

    /** Whether the user may see the cases behind an entity's row. */
    static void checkDrillDown(CurrentUser user, Scope scope, String entityId) {
        if (!seesAll(user, scope) && !ownEntity(user, scope).equals(entityId)) {
            throw Problems.forbidden("only your own row drills down to its cases");
        }
    }

    static boolean seesAll(CurrentUser user, Scope scope) {
        return user.hasAnyRole(SEES_ALL) || !scope.isPosition() && user.hasRole("dispatcher");
    }

    private static String ownEntity(CurrentUser user, Scope scope) {
        if (scope.isPosition()) {
            String role = scope.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            if (!user.hasRole(role)) {
                throw Problems.forbidden("the " + role + " scorecard is open to " + role + "s and supervisors");
            }
            return user.username();
        }
        if (!user.hasRole("department") || user.unit() == null) {
            throw Problems.forbidden("only handling-unit users with a unit claim see their own row");
        }
        if (scope == Scope.UNIT) {
            return user.unit();
        }
        if (!user.unit().startsWith(HandlingUnit.DISTRICT_PREFIX)) {
            throw Problems.forbidden("the regional scorecard is open to district platforms, not departments");
        }
        return user.unit().substring(HandlingUnit.DISTRICT_PREFIX.length());
    }
}
