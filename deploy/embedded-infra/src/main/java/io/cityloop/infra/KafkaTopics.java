package io.cityloop.infra;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates topics and waits until they can really take writes.
 *
 * <p>Waiting matters because of KAFKA-15591 (unfixed in 4.1.2): an idempotent producer that sends right after a
 * topic was created can loop on {@code OUT_OF_ORDER_SEQUENCE_NUMBER} and silently drop records. A partition that
 * answers {@code listOffsets} has a leader with a ready log, which is the state producers need. Shared by the
 * embedded broker and the container broker so both behave the same.
 */
public final class KafkaTopics {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final int REQUEST_TIMEOUT_MS = 5_000;

    private KafkaTopics() {
    }

    /**
     * Creates every missing topic with replication factor 1 (existing topics keep their partition count) and
     * returns once every partition of every listed topic answers {@code listOffsets}.
     *
     * @throws IllegalStateException if that does not happen within {@code timeout}
     */
    public static void ensureTopics(String bootstrapServers, Map<String, Integer> topicPartitions, Duration timeout) {
        if (topicPartitions.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(adminConfig(bootstrapServers))) {
            createMissing(admin, topicPartitions, deadline);
            awaitWritable(admin, topicPartitions.keySet(), deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics " + topicPartitions.keySet(), e);
        }
    }

    private static Properties adminConfig(String bootstrapServers) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        return config;
    }

    private static void createMissing(Admin admin, Map<String, Integer> topicPartitions, long deadline)
            throws InterruptedException {
        Set<String> existing = get(admin.listTopics().names(), deadline, "list topics");
        List<NewTopic> missing = topicPartitions.entrySet().stream()
                .filter(topic -> !existing.contains(topic.getKey()))
                .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 1))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        try {
            get(admin.createTopics(missing).all(), deadline, "create topics " + missing);
        } catch (IllegalStateException e) {
            // Another process (a second test JVM, a service) may have created them in between: that is success.
            if (!(e.getCause() instanceof ExecutionException ee && ee.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static void awaitWritable(Admin admin, Set<String> topics, long deadline)
            throws InterruptedException {
        Exception lastFailure = null;
        while (System.nanoTime() - deadline < 0) {
            try {
                Map<String, TopicDescription> descriptions =
                        get(admin.describeTopics(topics).allTopicNames(), deadline, "describe topics " + topics);
                Map<TopicPartition, OffsetSpec> partitions = latestOffsetsOf(descriptions);
                get(admin.listOffsets(partitions).all(), deadline, "list offsets of " + topics);
                return;
            } catch (IllegalStateException e) {
                lastFailure = e;
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
        }
        throw new IllegalStateException("topics " + topics + " were created but not every partition answered "
                + "listOffsets before the deadline; producing now could lose records (KAFKA-15591)", lastFailure);
    }

    private static Map<TopicPartition, OffsetSpec> latestOffsetsOf(Map<String, TopicDescription> descriptions) {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        descriptions.forEach((topic, description) -> description.partitions().forEach(
                partition -> partitions.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
        return partitions;
    }

    private static <T> T get(KafkaFuture<T> future, long deadline, String action)
            throws InterruptedException {
        long remainingMs = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        try {
            return future.get(remainingMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka admin could not " + action + ": " + e.getMessage(), e);
        }
    }
}
