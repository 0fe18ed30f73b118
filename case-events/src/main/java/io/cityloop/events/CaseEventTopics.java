package io.cityloop.events;

/** Topic names of the case lifecycle. Every record is keyed by case id so one case stays in one partition. */
public final class CaseEventTopics {

    public static final String CASE_EVENTS = "cityloop.case-events";
    public static final String SENSOR_READINGS = "cityloop.sensor-readings";
    public static final String DEAD_LETTER_SUFFIX = ".DLT";
    public static final int DEFAULT_PARTITIONS = 12;

    private CaseEventTopics() {
    }

    public static String deadLetterTopicOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
