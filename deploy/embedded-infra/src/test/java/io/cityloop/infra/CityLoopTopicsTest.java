package io.cityloop.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class CityLoopTopicsTest {

    @Test
    void areCaseEventsTheirDeadLettersAndSensorReadingsWithTwelvePartitions() {
        assertThat(CityLoopTopics.all()).containsOnly(
                entry("cityloop.case-events", 12),
                entry("cityloop.case-events.DLT", 12),
                entry("cityloop.sensor-readings", 12));
    }
}
