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
}
