package io.cityloop.assessment.scorecard.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cityloop.assessment.facts.model.CaseFacts;
import io.cityloop.assessment.facts.model.TaskFacts;
import io.cityloop.reference.District;
import io.cityloop.reference.HandlingUnit;

/**
 * 月度考核: computes the monthly scorecards from case facts.
 *
 * <p>Counting rules (see {@code assessment/SCORECARD.md}):
 * <ul>
 *   <li>The month is a calendar month in Asia/Shanghai; the cut-off is the earlier of now and the start of the next
 *       month. Only facts strictly before the cut-off count.</li>
 *   <li>A task counts in the month its <em>current</em> deadline falls in (after rework or extension, the new
 *       deadline decides), for the unit it was dispatched to.</li>
 *   <li>Handled (H): its last handling before the cut-off was not reopened by a failed verification before the
 *       cut-off; on time (T) when that handling met the deadline in force. Handled late = H − T.</li>
 *   <li>Overdue open: not handled and the deadline is before the cut-off. Overdue = handled late + overdue open.
 *       Pending = N − H − overdue open.</li>
 *   <li>Rework (R): failed verifications of the counted tasks before the cut-off. Closed: counted tasks whose case
 *       was closed before the cut-off.</li>
 *   <li>Rates: H/N, T/N, overdue/N, R/H, closed/N, filed/reported — 4 decimals, {@code null} on a zero
 *       denominator.</li>
 *   <li>Every listed unit and district gets a row, with zeros when nothing counts; tasks of units or districts not
 *       in the reference data are left out.</li>
 * </ul>
 */
public final class ScorecardCalculator {

    private final ScoringPeriod period;

    public ScorecardCalculator(ScoringPeriod period) {
        this.period = period;
    }

    /** The handling-unit scorecard, one row per unit, sorted by unit id. */
    public List<UnitScore> units(List<HandlingUnit> units, Collection<CaseFacts> cases) {
        Map<String, TaskTally> byUnit = new HashMap<>();
        for (CaseFacts theCase : cases) {
            for (TaskFacts task : theCase.tasks()) {
                if (period.counts(task) && task.unitId() != null) {
                    count(byUnit, task.unitId(), standing(theCase, task));
                }
            }
        }
        return units.stream()
                .sorted(Comparator.comparing(HandlingUnit::id))
                .map(unit -> new UnitScore(unit, byUnit.getOrDefault(unit.id(), TaskTally.EMPTY)))
                .toList();
    }

    /** The regional scorecard, one row per district, sorted by district code. */
    public List<DistrictScore> districts(List<District> districts, Collection<CaseFacts> cases) {
        Map<String, TaskTally> tasksByDistrict = new HashMap<>();
        Map<String, Long> reported = new HashMap<>();
        Map<String, Long> filed = new HashMap<>();
        for (CaseFacts theCase : cases) {
            if (theCase.districtCode() != null && period.happenedIn(theCase.reportedAt())) {
                reported.merge(theCase.districtCode(), 1L, Long::sum);
            }
            if (theCase.districtCode() != null && period.happenedIn(theCase.filedAt())) {
                filed.merge(theCase.districtCode(), 1L, Long::sum);
            }
            for (TaskFacts task : theCase.tasks()) {
                String district = theCase.districtOf(task);
                if (period.counts(task) && district != null) {
                    count(tasksByDistrict, district, standing(theCase, task));
                }
            }
        }
        return districts.stream()
                .sorted(Comparator.comparing(District::code))
                .map(district -> new DistrictScore(district,
                        reported.getOrDefault(district.code(), 0L),
                        filed.getOrDefault(district.code(), 0L),
                        tasksByDistrict.getOrDefault(district.code(), TaskTally.EMPTY)))
                .toList();
    }

    private TaskStanding standing(CaseFacts theCase, TaskFacts task) {
        return TaskStanding.of(theCase, task, period.cutOff());
    }

    private static void count(Map<String, TaskTally> tallies, String key, TaskStanding task) {
        tallies.compute(key, (ignored, tally) -> (tally == null ? TaskTally.EMPTY : tally).plus(task));
    }
}
