package io.cityloop.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SimulatedClockTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final Instant REAL_ANCHOR = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant NOVEMBER_FIRST = Instant.parse("2026-11-01T00:30:00Z");

    @Test
    void businessTimeRunsFromTheStartAtTheGivenSpeed() {
        Clock realTenMinutesLater = Clock.fixed(REAL_ANCHOR.plus(Duration.ofMinutes(10)), ZoneOffset.UTC);

        Clock simulated = new ClockSettings("simulated", NOVEMBER_FIRST, REAL_ANCHOR, 720.0)
                .clock(CITY, realTenMinutesLater);

        assertThat(simulated.instant()).isEqualTo(NOVEMBER_FIRST.plus(Duration.ofHours(120)));
        assertThat(simulated.getZone()).isEqualTo(CITY);
    }

    @Test
    void servicesWithTheSameSettingsAgree() {
        Clock real = Clock.fixed(REAL_ANCHOR.plusSeconds(42), ZoneOffset.UTC);
        ClockSettings settings = new ClockSettings("simulated", NOVEMBER_FIRST, REAL_ANCHOR, 8640.0);

        assertThat(settings.clock(CITY, real).instant()).isEqualTo(settings.clock(CITY, real).instant());
    }

    @Test
    void systemModeIsTheRealClockInTheCityZone() {
        Clock real = Clock.fixed(REAL_ANCHOR, ZoneOffset.UTC);

        Clock clock = new ClockSettings(null, null, null, null).clock(CITY, real);

        assertThat(clock.instant()).isEqualTo(REAL_ANCHOR);
        assertThat(clock.getZone()).isEqualTo(CITY);
    }

    @Test
    void aSimulationNeedsAStartAndAPositiveSpeed() {
        Clock real = Clock.fixed(REAL_ANCHOR, ZoneOffset.UTC);

        assertThatThrownBy(() -> new ClockSettings("simulated", null, null, 10.0).clock(CITY, real))
                .hasMessageContaining("cityloop.clock.start");
        assertThatThrownBy(() -> new ClockSettings("simulated", NOVEMBER_FIRST, null, 0.0).clock(CITY, real))
                .hasMessageContaining("speed");
        assertThatThrownBy(() -> new ClockSettings("warp", NOVEMBER_FIRST, null, 2.0).clock(CITY, real))
                .hasMessageContaining("mode");
    }
}
