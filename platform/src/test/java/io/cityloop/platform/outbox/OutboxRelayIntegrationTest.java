package io.cityloop.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.cityloop.events.CaseEventTopics;
import io.cityloop.infra.TestInfrastructure;

/**
 * On the embedded broker and MongoDB: a document its store named is published at once, a document nobody named (a
 * crashed replica's write) waits for the sweep, and a published entry leaves the document.
 */
class OutboxRelayIntegrationTest {

    private static final String CASES = "cases";

    private final String run = UUID.randomUUID().toString();
    private final String database = "cityloop-platform-outbox-" + run;
    private final MongoClient client = MongoClients.create(TestInfrastructure.shared().mongoUri(database));
    private final MongoTemplate mongo = new MongoTemplate(client, database);
    private final String bootstrap = TestInfrastructure.shared().bootstrapServers();
    private DefaultKafkaProducerFactory<String, String> producers;
    private KafkaConsumer<String, String> reader;
    private OutboxRelay relay;

    @BeforeEach
    void connect() {
        producers = new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        relay = new OutboxRelay(mongo, new KafkaTemplate<>(producers), List.of(new OutboxCollection(CASES)),
                Duration.ofHours(1), Duration.ofSeconds(10));
        reader = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        List<TopicPartition> partitions = reader.partitionsFor(CaseEventTopics.CASE_EVENTS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        reader.assign(partitions);
        reader.seekToEnd(partitions);
        partitions.forEach(reader::position);
    }

    @AfterEach
    void close() {
        relay.stop();
        reader.close();
        producers.destroy();
        client.getDatabase(database).drop();
        client.close();
    }

    @Test
    void publishesANamedDocumentAtOnceAndLeavesTheRestToTheSweep() {
        String named = "XY20261123" + run;
        String crashed = "XY20261124" + run;
        mongo.insert(caseWith(named, "case.reported"), CASES);
        mongo.insert(caseWith(crashed, "case.filed"), CASES);
        relay.nudge(CASES, named);

        assertThat(relay.publishWritten()).isEqualTo(1);
        assertThat(relay.publishWritten()).as("nothing named since").isZero();
        assertThat(pendingEntries(named)).isZero();
        assertThat(pendingEntries(crashed)).isEqualTo(1);

        assertThat(relay.publishPending()).isEqualTo(1);
        assertThat(pendingEntries(crashed)).isZero();
        assertThat(keysPublished(2)).containsExactlyInAnyOrder(named, crashed);
    }

    @Test
    void theRunningRelayPublishesANamedDocumentLongBeforeItsNextSweep() {
        relay.start();
        String named = "XY20261125" + run;
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.backlog() == 0 && relay.isRunning());
        mongo.insert(caseWith(named, "case.reported"), CASES);
        relay.nudge(CASES, named);

        assertThat(keysPublished(1)).containsExactly(named);
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingEntries(named) == 0);
    }

    @Test
    void publishesEveryEntryOfManyDocumentsAndKeepsEachDocumentsOrder() {
        List<String> types = List.of("case.reported", "case.filed", "case.closed");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String caseId = "XY2026112" + String.format("%04d", i) + run;
            List<Document> entries = new ArrayList<>();
            for (String type : types) {
                entries.add(new Document("eventId", UUID.randomUUID().toString()).append("key", caseId)
                        .append("type", type).append("payload", "{\"subject\":\"" + caseId + "\",\"type\":\""
                                + type + "\"}"));
            }
            mongo.insert(new Document("_id", caseId).append("status", "CLOSED").append("outbox", entries), CASES);
            relay.nudge(CASES, caseId);
            ids.add(caseId);
        }

        assertThat(relay.publishWritten()).isEqualTo(900);

        Map<String, List<String>> typesByCase = new java.util.HashMap<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
                if (record.key() != null && record.key().endsWith(run)) {
                    String type = record.value().replaceAll(".*\"type\":\"([^\"]+)\".*", "$1");
                    typesByCase.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(type);
                }
            }
            return typesByCase.values().stream().mapToInt(List::size).sum() >= 900;
        });
        assertThat(typesByCase).hasSize(300);
        assertThat(typesByCase.values()).allSatisfy(published -> assertThat(published).isEqualTo(types));
        assertThat(ids).allSatisfy(caseId -> assertThat(pendingEntries(caseId)).isZero());
    }

    private static Document caseWith(String caseId, String type) {
        Document entry = new Document("eventId", UUID.randomUUID().toString()).append("key", caseId)
                .append("type", type).append("payload", "{\"subject\":\"" + caseId + "\"}");
        return new Document("_id", caseId).append("status", "REPORTED").append("outbox", List.of(entry));
    }

    private int pendingEntries(String caseId) {
        Document stored = mongo.findById(caseId, Document.class, CASES);
        return stored.getList("outbox", Document.class, List.of()).size();
    }

    private List<String> keysPublished(int expected) {
        List<String> keys = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
                if (record.key() != null && record.key().endsWith(run)) {
                    keys.add(record.key());
                }
            }
            return keys.size() >= expected;
        });
        return keys;
    }
}
