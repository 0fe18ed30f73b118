package io.cityloop.bench.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The floor a replay is measured against: the same records read from offset 0 by a bare consumer that does nothing
 * with them (strings, as the services' consumers decode them first) — what the broker and the client alone cost.
 */
public final class ConsumeOnlyFloor {

    public record Result(long events, double seconds) {
        public double eventsPerSecond() {
            return seconds <= 0 ? 0 : events / seconds;
        }
    }

    private ConsumeOnlyFloor() {
    }

    public static Result measure(String bootstrapServers, String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long total = ends.values().stream().mapToLong(Long::longValue).sum();
            long start = System.nanoTime();
            long read = 0;
            long bytes = 0;
            while (read < total) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofSeconds(1));
                for (var record : records) {
                    bytes += record.value() == null ? 0 : record.value().length();
                    read++;
                }
                if (records.isEmpty() && positionsReached(consumer, ends)) {
                    break;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (bytes < 0) {
                throw new IllegalStateException("unreachable: keeps the records' decoding from being optimised away");
            }
            return new Result(read, seconds);
        }
    }

    private static boolean positionsReached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }
}
