package io.cityloop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;

import io.cityloop.events.Actor;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventCodec;
import io.cityloop.events.CaseEventTopics;
import io.cityloop.events.CaseFiled;
import io.cityloop.events.Producers;
import io.cityloop.infra.TestInfrastructure;
import io.cityloop.platform.PlatformProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * On the embedded broker, a poll of five records in one partition: a filing, a record that is no event, a filing,
 * a filing whose handling keeps failing, a filing. The three good filings are handled, each once; the unreadable
 * record and the failing filing — and only they — go to the dead-letter topic.
 */
class CaseTopicBatchListenerIntegrationTest {

    private final String run = UUID.randomUUID().toString();
    private final CaseEventCodec codec = new CaseEventCodec();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> handled = new ArrayList<>();
    private final List<Integer> batchSizes = new ArrayList<>();
    private KafkaMessageListenerContainer<String, String> container;
    private DefaultKafkaProducerFactory<String, String> producers;

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
    void handlesTheGoodEventsOnceAndDeadLettersOnlyTheBadRecords() {
        String bootstrap = TestInfrastructure.shared().bootstrapServers();
        producers = new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        KafkaTemplate<String, String> template = new KafkaTemplate<>(producers);
        // one key, so one partition and the topic's order
        String key = "XY2026120300" + run;
        List<String> values = List.of(filed(key, 1, "秦都区人民路暴露垃圾"), "not a cloud event", filed(key, 2, "渭城区占道经营"),
                filed(key, 3, "FAIL 渭城区井盖缺失"), filed(key, 4, "秦都区道路不洁"));
        for (String value : values) {
            template.send(CaseEventTopics.CASE_EVENTS, key, value).join();
        }

        CaseTopicBatchListener listener = new CaseTopicBatchListener(new EventAudit(codec, meters, "platform-it")) {
            @Override
            protected void handleAll(List<TrustedEvent> events) {
                List<TrustedEvent> ours = events.stream().filter(e -> e.record().key().equals(key)).toList();
                synchronized (handled) {
                    batchSizes.add(ours.size());
                }
                for (TrustedEvent event : ours) {
                    String description = ((CaseFiled) event.event().data()).note();
                    if (description.startsWith("FAIL")) {
                        throw failedAt(event, new IllegalStateException("a transition this case does not allow"));
                    }
                    synchronized (handled) {
                        handled.add(description);
                    }
                }
            }
        };
        ContainerProperties properties = new ContainerProperties(CaseEventTopics.CASE_EVENTS);
        properties.setGroupId("batch-listener-it-" + run);
        properties.setMessageListener((BatchMessageListener<String, String>) listener::on);
        container = new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class)), properties);
        container.setCommonErrorHandler(DeadLetters.errorHandler(template,
                new PlatformProperties.Consumer(20, 3, Duration.ofMillis(20)), meters, "platform-it"));
        container.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> handled().size() >= 3);
        await().atMost(Duration.ofSeconds(60)).until(() -> deadLettered(bootstrap, key).size() >= 2);

        assertThat(handled()).containsExactly("秦都区人民路暴露垃圾", "渭城区占道经营", "秦都区道路不洁");
        assertThat(deadLettered(bootstrap, key)).containsExactly("not a cloud event", values.get(3));
        assertThat(meters.get(DeadLetters.METRIC).tags("service", "platform-it", "reason", "malformed").counter()
                .count()).isEqualTo(1);
        assertThat(meters.get(DeadLetters.METRIC).tags("service", "platform-it", "reason", "failed").counter()
                .count()).isEqualTo(1);
        assertThat(batchSizes).as("the first poll brought more than one event at once").anyMatch(size -> size > 1);
    }

    private String filed(String caseId, long sequence, String description) {
        CaseFiled filed = new CaseFiled(caseId, "01-02-01", "610402", "6104020010010001", description,
                new Actor("operator-01", "operator"));
        return codec.encode(CaseEvent.of(Producers.CASE_INTAKE, caseId, sequence,
                Instant.parse("2026-12-03T02:00:00Z").plusSeconds(sequence), filed));
    }

    private List<String> handled() {
        synchronized (handled) {
            return List.copyOf(handled);
        }
    }

    private List<String> deadLettered(String bootstrap, String key) {
        return DeadLetterTopic.records(bootstrap, record -> key.equals(record.key()), 2).stream()
                .map(ConsumerRecord::value).toList();
    }
}
