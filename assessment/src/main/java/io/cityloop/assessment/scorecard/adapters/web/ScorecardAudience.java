package io.cityloop.assessment.scorecard.adapters.web;

import java.util.List;
import java.util.function.Function;

import io.cityloop.platform.problem.Problems;
import io.cityloop.platform.security.CurrentUser;
import io.cityloop.reference.HandlingUnit;

/**
 * Who sees which rows: the supervision and command centers see every row; a handling unit's user sees only its own
 * unit, and on the regional scorecard only a district platform's user sees its district.
 */
final class ScorecardAudience {

    private static final String[] SEES_ALL = {"supervisor", "admin", "dispatcher", "shift-lead"};

    private ScorecardAudience() {
    }

    static <S> List<S> unitRows(CurrentUser user, List<S> rows, Function<S, String> unitId) {
        if (user.hasAnyRole(SEES_ALL)) {
            return rows;
        }
        String unit = ownUnit(user);
        return rows.stream().filter(row -> unit.equals(unitId.apply(row))).toList();
    }

    static <S> List<S> districtRows(CurrentUser user, List<S> rows, Function<S, String> districtCode) {
        if (user.hasAnyRole(SEES_ALL)) {
            return rows;
        }
        String unit = ownUnit(user);
        if (!unit.startsWith(HandlingUnit.DISTRICT_PREFIX)) {
            throw Problems.forbidden("the regional scorecard is open to district platforms, not departments");
        }
        String district = unit.substring(HandlingUnit.DISTRICT_PREFIX.length());
        return rows.stream().filter(row -> district.equals(districtCode.apply(row))).toList();
    }

    private static String ownUnit(CurrentUser user) {
        if (!user.hasRole("department") || user.unit() == null) {
            throw Problems.forbidden("only handling-unit users with a unit claim see their own row");
        }
        return user.unit();
    }
}
