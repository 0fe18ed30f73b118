package io.cityloop.assessment.facts.adapters.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.cityloop.infra.TestInfrastructure;

/**
 * On the embedded broker: the facts count as caught up only once their group has committed past every event
 * published before the question, and a group that never committed counts from offset 0.
 */
class KafkaFactsCatchUpIntegrationTest {

    private final String bootstrap = TestInfrastructure.shared().bootstrapServers();
    private final String topic = "cityloop.case-events.catch-up-it-" + UUID.randomUUID();
    private final String group = "assessment-catch-up-it-" + UUID.randomUUID();
    private final KafkaFactsCatchUp catchUp = new KafkaFactsCatchUp(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), topic, group);

    @Test
    void caughtUpOnlyOnceTheGroupHasReadEverythingPublished() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        assertThat(catchUp.caughtUpWithin(Duration.ZERO)).as("an empty topic").isTrue();

        publish("CL20261130000101", "CL20261130000102", "CL20261130000103");
        assertThat(catchUp.caughtUpWithin(Duration.ZERO)).as("a group that never committed").isFalse();

        try (KafkaConsumer<String, String> facts = consumer()) {
            facts.subscribe(List.of(topic));
            int read = 0;
            for (int poll = 0; poll < 40 && read < 3; poll++) {
                read += facts.poll(Duration.ofMillis(250)).count();
            }
            assertThat(read).isEqualTo(3);
            facts.commitSync();
            assertThat(catchUp.caughtUpWithin(Duration.ofSeconds(5))).isTrue();

            publish("CL20261130000104");
            assertThat(catchUp.caughtUpWithin(Duration.ofMillis(600))).as("one event not yet read").isFalse();
        }
    }

    private void publish(String... caseIds) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (String caseId : caseIds) {
                producer.send(new ProducerRecord<>(topic, caseId, "{\"subject\":\"" + caseId + "\"}")).get();
            }
        }
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    }
}
