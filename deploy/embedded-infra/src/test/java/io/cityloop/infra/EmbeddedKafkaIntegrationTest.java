package io.cityloop.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class EmbeddedKafkaIntegrationTest {

    private static final String TOPIC = "it.keyed-records";
    private static final int PARTITIONS = 6;
    private static final int RECORDS = 1000;
    private static final String GROUP = "embedded-kafka-it";

    @TempDir
    Path dataDirectory;

    @Test
    void deliversEveryRecordOfAnIdempotentProducerAndKeepsTopicsAndOffsetsAcrossRestarts() throws Exception {
        int[] ports = FreePorts.next(2);
        KafkaSettings settings = new KafkaSettings("localhost", ports[0], ports[1], dataDirectory, 12);
        String metaProperties;

        try (EmbeddedKafka kafka = EmbeddedKafka.start(settings)) {
            kafka.createTopics(Map.of(TOPIC, PARTITIONS));
            metaProperties = Files.readString(dataDirectory.resolve("meta.properties"));

            produceKeyedRecords(kafka.bootstrapServers());

            assertThat(consumeAndCommit(kafka.bootstrapServers())).hasSize(RECORDS);
        }

        try (EmbeddedKafka restarted = EmbeddedKafka.start(settings)) {
            restarted.createTopics(Map.of(TOPIC, PARTITIONS));

            assertThat(Files.readString(dataDirectory.resolve("meta.properties")))
                    .as("storage is not formatted again").isEqualTo(metaProperties);
            try (Admin admin = admin(restarted.bootstrapServers())) {
                assertThat(admin.listTopics().names().get()).contains(TOPIC);
                assertThat(endOffsetSum(admin)).as("records survive a restart").isEqualTo(RECORDS);
                assertThat(committedOffsetSum(admin)).as("committed offsets survive a restart").isEqualTo(RECORDS);
            }
        }
    }

    @Test
    void turnsTheBrokerLoggersDownToWarn() throws Exception {
        int[] ports = FreePorts.next(2);
        try (EmbeddedKafka ignored = EmbeddedKafka.start(
                new KafkaSettings("localhost", ports[0], ports[1], dataDirectory, 1))) {
            LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
            assertThat(KafkaLogLevels.BROKER_LOGGERS)
                    .allSatisfy(name -> assertThat(logback.getLogger(name).getLevel()).isEqualTo(Level.WARN));
        }
    }

    private static void produceKeyedRecords(String bootstrapServers) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < RECORDS; i++) {
                sent.add(producer.send(new ProducerRecord<>(TOPIC, "case-" + (i % 50), "record-" + i)));
            }
            for (Future<RecordMetadata> ack : sent) {
                ack.get();
            }
        }
    }

    private static Set<String> consumeAndCommit(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        Set<String> values = new HashSet<>();
        List<String> all = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                    all.add(record.value());
                }
                return all.size() >= RECORDS;
            });
            consumer.commitSync();
        }
        assertThat(all).as("no record delivered twice").hasSameSizeAs(values);
        return values;
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    private static long endOffsetSum(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            latest.put(new TopicPartition(TOPIC, partition), OffsetSpec.latest());
        }
        return admin.listOffsets(latest).all().get().values().stream()
                .mapToLong(ListOffsetsResultInfo::offset).sum();
    }

    private static long committedOffsetSum(Admin admin) throws Exception {
        return admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get().values().stream()
                .mapToLong(OffsetAndMetadata::offset).sum();
    }
}
