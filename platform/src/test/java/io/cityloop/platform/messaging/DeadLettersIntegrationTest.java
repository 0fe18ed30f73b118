package io.cityloop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

import io.cityloop.events.CaseEventTopics;
import io.cityloop.infra.TestInfrastructure;
import io.cityloop.platform.PlatformProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * On the embedded broker: a record whose handling fails because MongoDB is away outlasts the bounded retries and is
 * handled once the database is back, while a record that fails on its data still goes to the dead-letter topic.
 */
class DeadLettersIntegrationTest {

    private static final int OUTAGE_ATTEMPTS = 8;

    private final String run = UUID.randomUUID().toString();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<String> handled = new ArrayList<>();
    private KafkaMessageListenerContainer<String, String> container;
    private DefaultKafkaProducerFactory<String, String> producers;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        if (container != null) {
            container.stop();
        }
        if (producers != null) {
            producers.destroy();
        }
    }

    @Test
    void waitsOutAnUnavailableDatabaseButDeadLettersPoison() {
        String bootstrap = TestInfrastructure.shared().bootstrapServers();
        producers = new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        KafkaTemplate<String, String> template = new KafkaTemplate<>(producers);
        String waitedOut = "XY2026112300" + run;
        String poison = "XY2026112301" + run;

        ContainerProperties properties = new ContainerProperties(CaseEventTopics.CASE_EVENTS);
        properties.setGroupId("dead-letters-it-" + run);
        properties.setMessageListener((MessageListener<String, String>) this::onRecord);
        container = new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class)), properties);
        container.setCommonErrorHandler(DeadLetters.errorHandler(template,
                new PlatformProperties.Consumer(20, 3, Duration.ofMillis(20)), meters, "platform-it"));
        container.start();

        template.send(CaseEventTopics.CASE_EVENTS, waitedOut, "database-away").join();
        template.send(CaseEventTopics.CASE_EVENTS, poison, "poison").join();

        await().atMost(Duration.ofSeconds(60)).until(() -> deadLettered(bootstrap).contains(poison));
        await().atMost(Duration.ofSeconds(60)).until(() -> handledKeys().contains(waitedOut));
        assertThat(attempts.get(waitedOut).get()).isEqualTo(OUTAGE_ATTEMPTS + 1);
        assertThat(attempts.get(poison).get()).as("one try and the three bounded retries").isEqualTo(4);
        assertThat(deadLettered(bootstrap)).doesNotContain(waitedOut);
        assertThat(meters.get(DeadLetters.METRIC).tags("service", "platform-it", "reason", "failed").counter().count())
                .as("every dead-lettered record is counted").isEqualTo(1);
    }

    private void onRecord(ConsumerRecord<String, String> record) {
        if (!record.key().endsWith(run)) {
            return;
        }
        int attempt = attempts.computeIfAbsent(record.key(), k -> new AtomicInteger()).incrementAndGet();
        if (record.value().equals("poison")) {
            throw new IllegalStateException("a transition this case does not allow");
        }
        if (attempt <= OUTAGE_ATTEMPTS) {
            throw new DataAccessResourceFailureException("Timed out while waiting for a server");
        }
        synchronized (handled) {
            handled.add(record.key());
        }
    }

    private List<String> handledKeys() {
        synchronized (handled) {
            return List.copyOf(handled);
        }
    }

    private List<String> deadLettered(String bootstrap) {
        return DeadLetterTopic.records(bootstrap, record -> record.key() != null && record.key().endsWith(run), 1)
                .stream().map(ConsumerRecord::key).toList();
    }
}
