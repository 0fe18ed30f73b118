package io.cityloop.assessment.scorecard.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.cityloop.assessment.facts.model.CaseFacts;
import io.cityloop.assessment.ledger.model.WorkingTimeScale;
import io.cityloop.assessment.scheme.model.Indicators;
import io.cityloop.assessment.scheme.model.Measure;
import io.cityloop.assessment.scheme.model.Scope;
import io.cityloop.assessment.scheme.model.ScoringScheme;
import io.cityloop.reference.CityReference;
import io.cityloop.reference.District;
import io.cityloop.reference.HandlingUnit;
import io.cityloop.reference.InspectorArea;
import io.cityloop.reference.UnitGrid;

/**
 * 月度考核: computes the monthly scorecards of every scope from case facts, scored by the month's scheme. Counting
 * rules are in {@code assessment/SCORECARD.md}; every reference unit and district gets a row, zeros included, and
 * facts about units or districts not in the reference data are left out.
 */
public final class ScorecardCalculator {

    private static final double KM_PER_DEGREE = 111.32;

    private final ScoringPeriod period;
    private final ScoringScheme scheme;
    private final CityReference city;
    private final MonthCounter counter;

    public ScorecardCalculator(ScoringPeriod period, ScoringScheme scheme, WorkingTimeScale scale, CityReference city,
                               Corrections corrections) {
        this.period = period;
        this.scheme = scheme;
        this.city = city;
        this.counter = new MonthCounter(period, scale, scheme.countingRules(), inspectorsByDistrict(city),
                corrections);
    }

    public ScoringPeriod period() {
        return period;
    }

    public ScoringScheme scheme() {
        return scheme;
    }

    /** Every scope's scorecard in one pass over the facts. */
    public Map<Scope, Scorecard> all(Collection<CaseFacts> cases) {
        Map<Scope, Map<String, long[]>> tallies = new EnumMap<>(Scope.class);
        for (Scope scope : Scope.values()) {
            tallies.put(scope, new HashMap<>());
        }
        counter.count(cases, contribution -> add(tallies.get(contribution.scope()), contribution));
        Map<Scope, Scorecard> scorecards = new EnumMap<>(Scope.class);
        for (Scope scope : Scope.values()) {
            scorecards.put(scope, scorecard(scope, tallies.get(scope)));
        }
        return scorecards;
    }

    public Scorecard scorecard(Scope scope, Collection<CaseFacts> cases) {
        Map<String, long[]> tally = new HashMap<>();
        counter.count(cases, contribution -> {
            if (contribution.scope() == scope) {
                add(tally, contribution);
            }
        });
        return scorecard(scope, tally);
    }

    /** The contributions behind one row, in case order: the drill-down (下钻) of its numbers. */
    public List<Contribution> contributions(Scope scope, String entityId, Collection<CaseFacts> cases) {
        List<Contribution> found = new ArrayList<>();
        counter.count(cases, contribution -> {
            if (contribution.scope() == scope && contribution.entityId().equals(entityId)) {
                found.add(contribution);
            }
        });
        found.sort(Comparator.comparing(Contribution::caseId)
                .thenComparing(c -> c.taskId() == null ? "" : c.taskId()));
        return found;
    }

    private Scorecard scorecard(Scope scope, Map<String, long[]> tally) {
        List<ScorecardRow> rows = switch (scope) {
            case UNIT -> unitRows(tally);
            case DISTRICT -> districtRows(tally);
            default -> positionRows(scope, tally);
        };
        return new Scorecard(scope, period, scheme, Scoring.score(scope, rows, scheme));
    }

    private List<ScorecardRow> unitRows(Map<String, long[]> tally) {
        return city.units().stream().sorted(Comparator.comparing(HandlingUnit::id))
                .map(unit -> ScorecardRow.unscored(Scope.UNIT, unit.id(), unit.name(), unit.kind().name(),
                        counts(tally, unit.id()), Map.of()))
                .toList();
    }

    private List<ScorecardRow> districtRows(Map<String, long[]> tally) {
        boolean roundOnce = scheme.countingRules().incidenceRoundedOnce();
        Map<String, Double> incidence = new HashMap<>();
        for (UnitGrid.GridDistrict district : city.grid().districts()) {
            double area = areaKm2(district.extent());
            if (area > 0) {
                double perKm2 = counts(tally, district.code())[Measure.FILED.ordinal()] / area;
                incidence.put(district.code(), roundOnce ? perKm2 : round(perKm2));
            }
        }
        double highest = incidence.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return city.districts().stream().sorted(Comparator.comparing(District::code))
                .map(district -> {
                    Map<String, Double> extras = new LinkedHashMap<>();
                    Double perKm2 = incidence.get(district.code());
                    if (perKm2 != null) {
                        extras.put(Indicators.INCIDENCE, round(perKm2));
                        extras.put(Indicators.NORMALISED_INCIDENCE, highest == 0 ? 0.0 : round(perKm2 / highest));
                    }
                    return ScorecardRow.unscored(Scope.DISTRICT, district.code(), district.name(), null,
                            counts(tally, district.code()), extras);
                })
                .toList();
    }

    private List<ScorecardRow> positionRows(Scope scope, Map<String, long[]> tally) {
        Map<String, String> names = new TreeMap<>();
        if (scope == Scope.INSPECTOR) {
            city.inspectorAreas().forEach(area -> names.put(area.username(), area.name()));
        }
        tally.keySet().forEach(id -> names.putIfAbsent(id, id));
        String role = scope.name().toLowerCase().replace('_', '-');
        return names.entrySet().stream()
                .map(entry -> ScorecardRow.unscored(scope, entry.getKey(), entry.getValue(), role,
                        counts(tally, entry.getKey()), Map.of()))
                .toList();
    }

    private static void add(Map<String, long[]> tally, Contribution contribution) {
        long[] sum = tally.computeIfAbsent(contribution.entityId(), ignored -> Contribution.empty());
        long[] counts = contribution.counts();
        for (int i = 0; i < counts.length; i++) {
            sum[i] += counts[i];
        }
    }

    private static long[] counts(Map<String, long[]> tally, String id) {
        long[] counts = tally.get(id);
        return counts == null ? Contribution.empty() : counts.clone();
    }

    private static Map<String, List<String>> inspectorsByDistrict(CityReference city) {
        Map<String, List<String>> byDistrict = new HashMap<>();
        for (InspectorArea area : city.inspectorAreas()) {
            for (String district : area.districtCodes()) {
                byDistrict.computeIfAbsent(district, ignored -> new ArrayList<>()).add(area.username());
            }
        }
        byDistrict.values().forEach(list -> list.sort(Comparator.naturalOrder()));
        return byDistrict;
    }

    private static double areaKm2(UnitGrid.Extent extent) {
        double centreLat = (extent.minLat() + extent.maxLat()) / 2;
        double width = (extent.maxLon() - extent.minLon()) * KM_PER_DEGREE * Math.cos(Math.toRadians(centreLat));
        double height = (extent.maxLat() - extent.minLat()) * KM_PER_DEGREE;
        return width * height;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
