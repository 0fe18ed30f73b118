package io.cityloop.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventCodec;

/** Reads a topic from the beginning with a plain consumer, as any other service would see it. */
public final class CaseEventTap implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    private final CaseEventCodec codec = new CaseEventCodec();

    public CaseEventTap(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls once more and returns every record seen so far whose key is {@code caseId}. */
    public List<ConsumerRecord<String, String>> recordsOf(String caseId) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream().filter(record -> caseId.equals(record.key())).toList();
    }

    /** The decoded events of one case, in topic order. */
    public List<CaseEvent> eventsOf(String caseId) {
        return recordsOf(caseId).stream()
                .map(record -> codec.decode(record.value()))
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
