package io.cityloop.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What {@code GET /api/clock} answers: the business time, in the city's zone, and how it runs. */
class BusinessClockControllerTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aSimulatedClockSaysHowFarAheadOfTheWallClockItIs() {
        Instant anchor = Instant.parse("2026-12-03T08:00:00Z");
        // ten real seconds after the anchor at 720×: two business hours past the start
        Clock real = Clock.fixed(anchor.plusSeconds(10), SHANGHAI);
        Clock business = new SimulatedClock(Instant.parse("2026-11-02T00:30:00Z"), anchor, 720, real);

        Map<String, Object> answer = new BusinessClockController(business).now();

        assertThat(answer).containsEntry("now", "2026-11-02T02:30:00Z")
                .containsEntry("local", "2026-11-02T10:30")
                .containsEntry("zone", "Asia/Shanghai")
                .containsEntry("mode", "simulated")
                .containsEntry("speed", 720.0);
    }

    @Test
    void theSystemClockRunsAtTheWallClocksPace() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T08:05:00Z"), SHANGHAI);

        assertThat(new BusinessClockController(clock).now()).containsEntry("local", "2026-12-03T16:05")
                .containsEntry("mode", "system").containsEntry("speed", 1.0);
    }
}
