package io.cityloop.platform.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.cityloop.events.CaseEventTopics;

/** What the platform's error handler dead-lettered, read back by a test from the start of the DLT. */
final class DeadLetterTopic {

    private DeadLetterTopic() {
    }

    /**
     * The dead-lettered records a test owns, in the topic's order; reads for up to 5 s, or until {@code expected}
     * of them are there.
     */
    static List<ConsumerRecord<String, String>> records(String bootstrap, Predicate<ConsumerRecord<String, String>> ours,
                                                        int expected) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(CaseEventTopics.deadLetterTopicOf(CaseEventTopics.CASE_EVENTS)));
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < end) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (ours.test(record)) {
                        found.add(record);
                    }
                }
                if (!consumer.assignment().isEmpty() && found.size() >= expected) {
                    break;
                }
            }
        }
        return found;
    }
}
