package io.cityloop.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.cityloop.events.CaseEventTopics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restarts the bench's drills rely on: the broker as its own process, and MongoDB closed and reopened. */
class EmbeddedInfrastructureRestartIntegrationTest {

    @TempDir
    Path dataDirectory;

    @Test
    void aKilledBrokerProcessComesBackOnTheSamePortsWithItsRecordsAndMongoKeepsItsH2Data() throws Exception {
        int[] ports = FreePorts.next(3);
        InfrastructureSettings settings = new InfrastructureSettings("localhost", ports[0], ports[1], ports[2],
                dataDirectory, false);
        try (EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(settings,
                dataDirectory.resolve("kafka-broker.log"))) {
            assertThat(infrastructure.brokerInOwnProcess()).isTrue();
            long pid = infrastructure.brokerPid().orElseThrow();
            assertThat(pid).isNotEqualTo(ProcessHandle.current().pid());
            produce(infrastructure.bootstrapServers(), 100);
            try (MongoClient client = MongoClients.create(infrastructure.mongoUri("it"))) {
                client.getDatabase("it").getCollection("cases").insertOne(new Document("_id", "case-1"));
            }

            infrastructure.killBroker();
            assertThat(infrastructure.brokerPid()).isEmpty();
            infrastructure.startBroker();
            infrastructure.stopMongo();
            infrastructure.startMongo();

            assertThat(infrastructure.brokerPid().orElseThrow()).isNotEqualTo(pid);
            assertThat(endOffsetSum(infrastructure.bootstrapServers())).isEqualTo(100);
            try (MongoClient client = MongoClients.create(infrastructure.mongoUri("it"))) {
                assertThat(client.getDatabase("it").getCollection("cases").countDocuments()).isEqualTo(1);
            }
        }
    }

    private static void produce(String bootstrap, int records) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(CaseEventTopics.CASE_EVENTS, "case-" + i, "event " + i)).get();
            }
        }
    }

    private static long endOffsetSum(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(List.of(CaseEventTopics.CASE_EVENTS)).allTopicNames().get()
                    .get(CaseEventTopics.CASE_EVENTS).partitions()
                    .forEach(p -> partitions.add(new TopicPartition(CaseEventTopics.CASE_EVENTS, p.partition())));
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
        }
    }
}
