package io.cityloop.assessment.facts.adapters.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.cityloop.assessment.facts.application.EventLog;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventCodec;
import io.cityloop.events.CaseEventTopics;

/**
 * Reads cityloop.case-events from offset 0 to its current end with a group-less consumer (commits nothing), a poll's
 * events at a time.
 */
@Component
class KafkaEventLog implements EventLog {

    private static final Duration POLL = Duration.ofMillis(500);

    private final String bootstrapServers;
    private final CaseEventCodec codec;

    KafkaEventLog(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers, CaseEventCodec codec) {
        this.bootstrapServers = bootstrapServers;
        this.codec = codec;
    }

    @Override
    public long replayFromStart(Consumer<List<CaseEvent>> sink) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "assessment-rebuild-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        long read = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(CaseEventTopics.CASE_EVENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!caughtUp(consumer, end)) {
                List<CaseEvent> polled = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    codec.decode(record.value()).ifPresent(polled::add);
                }
                if (!polled.isEmpty()) {
                    sink.accept(polled);
                    read += polled.size();
                }
            }
        }
        return read;
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
