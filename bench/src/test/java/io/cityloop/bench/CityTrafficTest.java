package io.cityloop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.cityloop.bench.city.CasePlan;
import io.cityloop.bench.city.CityCells;
import io.cityloop.bench.city.CityTraffic;
import io.cityloop.bench.city.Report;
import io.cityloop.reference.CityReference;

class CityTrafficTest {

    private static final CityReference CITY = CityReference.load();
    private static final CityCells CELLS = CityCells.shipped();

    @Test
    void theSameSeedGivesTheSameCity() {
        List<Report> first = new CityTraffic(CITY, 42).take(2000);
        List<Report> second = new CityTraffic(CITY, 42).take(2000);
        assertThat(first).isEqualTo(second);
        assertThat(first).anyMatch(r -> r.plan().duplicate()).anyMatch(r -> r.plan().returnsFirstTask())
                .anyMatch(r -> r.plan().extension() != null);
        assertThat(new CityTraffic(CITY, 43).take(200)).isNotEqualTo(first.subList(0, 200));
    }

    /**
     * The 400s of earlier runs ({@code location/inside-city}): points drawn in a district's rectangular extent fell
     * outside the outlines case-intake clips its cells to. Every point must lie in one of those cells.
     */
    @Test
    void reportsComeFromAllThirteenDistrictsAndLieInsideCaseIntakesGridCells() {
        Set<String> districts = new HashSet<>();
        for (Report report : new CityTraffic(CITY, 7).take(20_000)) {
            districts.add(report.districtCode());
            assertThat(CELLS.locate(report.lon(), report.lat())).as(report.toString())
                    .hasValueSatisfying(cell -> assertThat(cell.districtCode()).isEqualTo(report.districtCode()));
            assertThat(CITY.catalog().find(report.categoryCode())).isPresent();
            assertThat(report.description()).hasSizeLessThanOrEqualTo(500);
            assertThat(report.address()).hasSizeLessThanOrEqualTo(200);
        }
        assertThat(districts).hasSize(13);
    }

    @Test
    void theGridFileIsTheCityOfCaseIntake() {
        // the README's walkthrough point in 秦都区, and a point far outside the city
        assertThat(CELLS.locate(108.7012, 34.3405)).hasValueSatisfying(c -> assertThat(c.districtCode())
                .isEqualTo("610402"));
        assertThat(CELLS.locate(108.0, 30.0)).isEmpty();
        assertThat(CELLS.cellsOf("610402")).isNotEmpty();
    }

    @Test
    void eventsDominateAndThePlannedSharesAreRoughlyKept() {
        List<Report> reports = new CityTraffic(CITY, 11).take(10_000);
        List<CasePlan> own = reports.stream().map(Report::plan).filter(p -> !p.duplicate()).toList();
        List<CasePlan> filed = own.stream().filter(p -> !p.rejected()).toList();
        long events = reports.stream().filter(r -> r.categoryCode().startsWith("02-")).count();
        assertThat(events).isGreaterThan(reports.size() * 7 / 10);

        assertThat(share(own, CasePlan::rejected)).isCloseTo(CityTraffic.REJECTED_SHARE, within(0.02));
        assertThat(share(own, CasePlan::failsFirstVerification))
                .isCloseTo(CityTraffic.FAILED_VERIFICATION_SHARE, within(0.02));
        assertThat(share(own, CasePlan::late)).isCloseTo(CityTraffic.LATE_SHARE, within(0.02));
        assertThat(share(reports.stream().map(Report::plan).toList(), CasePlan::duplicate))
                .isCloseTo(CityTraffic.DUPLICATE_SHARE, within(0.01));
        assertThat(share(filed, CasePlan::returnsFirstTask)).isCloseTo(CityTraffic.RETURN_SHARE, within(0.01));
        assertThat(share(filed, p -> p.extension() != null)).isCloseTo(CityTraffic.EXTENSION_SHARE, within(0.01));

        List<CasePlan> returned = filed.stream().filter(CasePlan::returnsFirstTask).toList();
        assertThat(share(returned, p -> p.taskReturn().justified()))
                .isCloseTo(CityTraffic.RETURN_JUSTIFIED_SHARE, within(0.1));
        List<CasePlan> extended = filed.stream().filter(p -> p.extension() != null).toList();
        assertThat(share(extended, p -> p.extension().approved()))
                .isCloseTo(CityTraffic.EXTENSION_APPROVED_SHARE, within(0.08));

        assertThat(reports).extracting(Report::idempotencyKey).doesNotHaveDuplicates();
        assertThat(reports).allSatisfy(r -> assertThat(r.plan().onSiteDelay())
                .isBetween(CityTraffic.ON_SITE_DELAY_MIN, CityTraffic.ON_SITE_DELAY_MAX));
    }

    @Test
    void eachPlanEndsInOneKnownState() {
        for (Report report : new CityTraffic(CITY, 5).take(10_000)) {
            CasePlan plan = report.plan();
            assertThat(plan.expectedFinalStatus()).isIn("CLOSED", "REJECTED", "MERGED");
            if (plan.rejected() || plan.duplicate()) {
                assertThat(plan.returnsFirstTask()).as(report.toString()).isFalse();
                assertThat(plan.extension()).as(report.toString()).isNull();
            }
        }
    }

    @Test
    void aDuplicateIsTheSameProblemReportedAgainAFewMetresAwayWhileTheFirstIsOpen() {
        List<Report> reports = new CityTraffic(CITY, 3).take(5000);
        Map<Long, Report> bySequence = reports.stream()
                .collect(Collectors.toMap(r -> r.plan().sequence(), Function.identity()));
        List<Report> duplicates = reports.stream().filter(r -> r.plan().duplicate()).toList();
        assertThat(duplicates).hasSizeGreaterThan(150);
        for (Report duplicate : duplicates) {
            Report first = bySequence.get(duplicate.plan().duplicateOf());
            assertThat(first.plan().sequence()).isLessThan(duplicate.plan().sequence());
            assertThat(first.plan().duplicate()).isFalse();
            assertThat(first.plan().rejected()).isFalse();
            assertThat(duplicate.plan().expectedFinalStatus()).isEqualTo("MERGED");
            assertThat(duplicate.categoryCode()).isEqualTo(first.categoryCode());
            assertThat(metres(first, duplicate)).isLessThanOrEqualTo(CityTraffic.DUPLICATE_MAX_METRES + 0.5);
            assertThat(CELLS.locate(duplicate.lon(), duplicate.lat())).isPresent();
            assertThat(duplicate.idempotencyKey()).isNotEqualTo(first.idempotencyKey());
            assertThat(duplicate.description()).contains(Report.tag(duplicate.plan().sequence()));
        }
    }

    @Test
    void aPlanMadeWithoutTheNewFlowsIsAPlainCase() {
        CasePlan plain = new CasePlan(1, false, false, 0.2);
        assertThat(plain.duplicate()).isFalse();
        assertThat(plain.returnsFirstTask()).isFalse();
        assertThat(plain.extension()).isNull();
        assertThat(plain.onSiteDelay()).isEqualTo(Duration.ofMinutes(15));
        assertThat(plain.expectedFinalStatus()).isEqualTo("CLOSED");
    }

    private static double share(List<CasePlan> plans, java.util.function.Predicate<CasePlan> which) {
        return plans.stream().filter(which).count() / (double) plans.size();
    }

    /** Great-circle distance, as case-intake's duplicate rule measures it. */
    private static double metres(Report a, Report b) {
        double lat1 = Math.toRadians(a.lat());
        double lat2 = Math.toRadians(b.lat());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
    }
}
