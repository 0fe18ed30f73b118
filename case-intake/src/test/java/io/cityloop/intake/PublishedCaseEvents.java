package io.cityloop.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventCodec;
import io.cityloop.events.CaseEventTopics;
import io.cityloop.infra.TestInfrastructure;

/** Reads what is on the case-events topic for one case, from the beginning, as the other services would. */
public final class PublishedCaseEvents {

    private static final CaseEventCodec CODEC = new CaseEventCodec();

    private PublishedCaseEvents() {
    }

    /** The case's events published so far (for up to 5 s, until the reader has caught up with every partition). */
    public static List<CaseEvent> of(String caseId) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<CaseEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(CaseEventTopics.CASE_EVENTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (caseId.equals(record.key())) {
                        CODEC.decode(record.value()).ifPresent(events::add);
                    }
                }
                if (!events.isEmpty() && consumer.assignment().stream()
                        .allMatch(p -> consumer.position(p) >= consumer.endOffsets(List.of(p)).get(p))) {
                    break;
                }
            }
        }
        return events;
    }
}
