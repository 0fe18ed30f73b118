package io.cityloop.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LoadLevelsTest {

    @Test
    void stairsClimbByTheIncrementAndShareTheLoad() {
        LoadLevels stairs = LoadLevels.stairs(10, 10, 8, Duration.ofMinutes(8), Clock.systemUTC());

        assertThat(stairs.rates()).containsExactly(10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0);
        assertThat(stairs.levelLasting()).isEqualTo(Duration.ofMinutes(1));
        assertThat(stairs.reports()).isEqualTo(360 * 60);
        assertThat(stairs.isStepLoad()).isTrue();
    }

    @Test
    void aLevelIsSustainedOnlyWhenAnswersLatencyAndConsumersAllKeepUp() {
        assertThat(LoadLevels.sustained(20, 1200, 1200, 180.0, 40)).isTrue();
        assertThat(LoadLevels.sustained(20, 1200, 1100, 180.0, 40)).as("8 % refused").isFalse();
        assertThat(LoadLevels.sustained(20, 1200, 1200, 1500.0, 40)).as("p95 over a second").isFalse();
        assertThat(LoadLevels.sustained(20, 1200, 1200, 180.0, 1300)).as("consumers 8 s behind").isFalse();
        assertThat(LoadLevels.sustained(20, 0, 0, null, Double.NaN)).as("nothing was sent").isFalse();
    }

    @Test
    void measuresEachLevelFromTheAnswersSentInIt() {
        LoadLevels levels = new LoadLevels(List.of(2.0, 4.0), Duration.ofSeconds(10),
                Clock.fixed(Instant.ofEpochMilli(1_000_000), ZoneOffset.UTC));
        long start = 1_000_000;
        for (int i = 0; i < 20; i++) {
            levels.answered(start + i * 500, 40, true);
        }
        for (int i = 0; i < 40; i++) {
            levels.answered(start + 10_000 + i * 250, i < 30 ? 60 : 2_000, i < 30);
        }

        List<Map<String, Object>> summary = levels.summary(at -> at <= start + 10_000 ? 10 : 900);

        assertThat(summary.get(0)).containsEntry("sent", 20L).containsEntry("refused", 0L)
                .containsEntry("createdPerSecond", 2.0).containsEntry("sustained", true);
        assertThat(summary.get(1)).containsEntry("sent", 40L).containsEntry("refused", 10L)
                .containsEntry("sustained", false);
        assertThat(LoadLevels.capacity(summary)).isEqualTo(2.0);
    }

    @Test
    void aRunIsFlatWhenItsLastTenthKeepsTheFirstTenthsRateAndP99() {
        LoadLevels run = new LoadLevels(List.of(10.0), Duration.ofSeconds(100),
                Clock.fixed(Instant.ofEpochMilli(1_000_000), ZoneOffset.UTC));
        long start = 1_000_000;
        for (int i = 0; i < 1_000; i++) {
            boolean lastTenth = i >= 900;
            // the last tenth: every fourth report refused, and slower
            run.answered(start + i * 100L, lastTenth ? 300 : 100, !lastTenth || i % 4 != 0);
        }
        List<Map<String, Object>> tenths = run.tenths();

        assertThat(tenths).hasSize(10);
        assertThat(tenths.get(0)).containsEntry("sent", 100L).containsEntry("createdPerSecond", 10.0);
        assertThat(tenths.get(9)).containsEntry("createdPerSecond", 7.5);
        String verdict = LoadLevels.flatness(tenths);
        assertThat(LoadLevels.isFlat(verdict)).as(verdict).isFalse();
        assertThat(verdict).contains("7.5 reports/s accepted vs first 10.0 (75 %");
        assertThat(LoadLevels.isFlat(LoadLevels.flatness(List.of(tenths.get(0), tenths.get(1))))).isTrue();
    }

    @Test
    void overloadIsHeldOnlyWhenEveryLevelPastCapacityKeepsNineTenthsOfTheBest() {
        List<Map<String, Object>> collapsing = List.of(level(10, 10, true), level(20, 20, true),
                level(30, 24, false), level(40, 6, false));
        List<Map<String, Object>> holding = List.of(level(10, 10, true), level(20, 20, true),
                level(30, 19.5, false), level(40, 19, false));

        assertThat(LoadLevels.overloadHeld(collapsing)).startsWith("NOT held").contains("40 offered: 6.0 accepted")
                .doesNotContain("30 offered");
        assertThat(LoadLevels.overloadHeld(holding)).startsWith("held");
        assertThat(LoadLevels.overloadHeld(List.of(level(10, 10, true)))).as("never overloaded").isNull();
    }

    private static Map<String, Object> level(double offered, double created, boolean sustained) {
        return Map.of("offeredPerSecond", offered, "createdPerSecond", created, "sustained", sustained);
    }
}
