package io.cityloop.intake.casefile.model;

import static io.cityloop.intake.casefile.model.CaseFixture.MONDAY_0900;
import static io.cityloop.intake.casefile.model.CaseFixture.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The probable-duplicate flag: same minor category, within the radius, open, reported within the window. */
class DuplicateRuleTest {

    private static final DuplicateRule RULE = new DuplicateRule(50, Duration.ofHours(72));
    /** The fixture's case is at (108.7012, 34.3405); 0.0004° of latitude is about 44 m, 0.0005° about 56 m. */
    private static final double LON = 108.7012;
    private static final double LAT = 34.3405;
    private static final Instant NOW = MONDAY_0900.plusSeconds(3600);

    @Test
    void aReportOfTheSameCategoryWithinTheRadiusIsAProbableDuplicate() {
        assertThat(RULE.isProbableDuplicate(CaseFixture.reportedCase(), "02-01-01", LON, LAT + 0.0004, NOW)).isTrue();
        assertThat(RULE.isProbableDuplicate(CaseFixture.dispatchedCase(), "02-01-01", LON, LAT, NOW)).isTrue();
    }

    @Test
    void distanceCategoryAgeAndStatusEachRuleItOut() {
        assertThat(RULE.isProbableDuplicate(CaseFixture.reportedCase(), "02-01-01", LON, LAT + 0.0005, NOW))
                .as("56 m away").isFalse();
        assertThat(RULE.isProbableDuplicate(CaseFixture.reportedCase(), "02-05-03", LON, LAT, NOW))
                .as("another category").isFalse();
        assertThat(RULE.isProbableDuplicate(CaseFixture.reportedCase(), "02-01-01", LON, LAT,
                MONDAY_0900.plus(Duration.ofHours(73)))).as("older than the window").isFalse();
        assertThat(RULE.isProbableDuplicate(CaseFixture.closedCase(), "02-01-01", LON, LAT, NOW))
                .as("closed").isFalse();
        CaseFile merged = CaseFixture.reportedCase("CL20261123000002", OPERATOR);
        merged.mergeInto(CaseFixture.reportedCase(), OPERATOR, null, NOW);
        assertThat(RULE.isProbableDuplicate(merged, "02-01-01", LON, LAT, NOW)).as("itself a duplicate").isFalse();
    }

    @Test
    void mastersComeNearestFirst() {
        CaseFile near = CaseFile.report("CL20261123000003", new Report(CaseFixture.reportedCase().category(), "垃圾",
                new CaseLocation(LON, LAT + 0.0001, null, "610402", "秦都区", "610402005", "渭阳西路街道", "610402005003",
                        "渭阳西路街道第3社区", "6104020050030184", "IA610402005"),
                ReportSource.INSPECTOR, ReportOrigin.NONE), new Submission(OPERATOR, MONDAY_0900, "k-3", "f"), null);

        assertThat(RULE.masters(List.of(CaseFixture.reportedCase(), near), "02-01-01", LON, LAT + 0.0002, NOW))
                .containsExactly("CL20261123000003", "CL20261123000001");
    }

    @Test
    void theRuleNeedsAPositiveRadiusAndWindow() {
        assertThatThrownBy(() -> new DuplicateRule(0, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DuplicateRule(50, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void distancesAreMetres() {
        assertThat(GeoDistance.metres(LON, LAT, LON, LAT + 0.001)).isBetween(110.0, 112.0);
        assertThat(GeoDistance.metres(LON, LAT, LON + 0.001, LAT)).isBetween(91.0, 93.0);
    }
}
