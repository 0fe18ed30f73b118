package io.cityloop.infra;

import io.cityloop.events.CaseEventTopics;
import java.util.Map;

/**
 * The topics every CityLoop process expects to exist. Created up front by whoever owns the broker, because
 * auto-creation is off and because producers must not race topic creation (KAFKA-15591).
 */
public final class CityLoopTopics {

    private CityLoopTopics() {
    }

    /** Topic name to partition count: case events, their dead-letter topic and sensor readings. */
    public static Map<String, Integer> all() {
        int partitions = CaseEventTopics.DEFAULT_PARTITIONS;
        return Map.of(
                CaseEventTopics.CASE_EVENTS, partitions,
                CaseEventTopics.deadLetterTopicOf(CaseEventTopics.CASE_EVENTS), partitions,
                CaseEventTopics.SENSOR_READINGS, partitions);
    }
}
