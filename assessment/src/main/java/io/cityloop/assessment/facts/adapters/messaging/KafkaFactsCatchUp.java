package io.cityloop.assessment.facts.adapters.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import io.cityloop.assessment.facts.application.FactsCatchUp;
import io.cityloop.events.CaseEventTopics;

/**
 * Compares the facts listener's committed offsets with the topic's end offsets taken at the start of the call; a
 * partition the group never committed on counts from offset 0, as the listener starts there.
 */
@Component
class KafkaFactsCatchUp implements FactsCatchUp {

    private static final Duration ASK = Duration.ofSeconds(10);
    private static final Duration PAUSE = Duration.ofMillis(500);

    private final Map<String, Object> adminConfig;
    private final String topic;
    private final String group;

    @Autowired
    KafkaFactsCatchUp(KafkaAdmin admin, @Value("${spring.kafka.consumer.group-id}") String group) {
        this(admin.getConfigurationProperties(), CaseEventTopics.CASE_EVENTS, group);
    }

    KafkaFactsCatchUp(Map<String, Object> adminConfig, String topic, String group) {
        this.adminConfig = adminConfig;
        this.topic = topic;
        this.group = group;
    }

    @Override
    public boolean caughtUpWithin(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try (Admin admin = Admin.create(adminConfig)) {
            Map<TopicPartition, Long> end = endOffsets(admin);
            while (behind(admin, end) > 0) {
                if (System.nanoTime() - deadline >= 0) {
                    return false;
                }
                Thread.sleep(PAUSE.toMillis());
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private Map<TopicPartition, Long> endOffsets(Admin admin)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(ASK.toMillis(), TimeUnit.MILLISECONDS).get(topic).partitions().stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(ASK.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private long behind(Admin admin, Map<TopicPartition, Long> end)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(ASK.toMillis(), TimeUnit.MILLISECONDS);
        return end.entrySet().stream().mapToLong(e -> {
            OffsetAndMetadata at = committed.get(e.getKey());
            return Math.max(0, e.getValue() - (at == null ? 0 : at.offset()));
        }).sum();
    }
}
