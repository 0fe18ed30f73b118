package io.cityloop.infra;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * For integration tests that must know a service's listener has handled everything published so far, e.g. before
 * they publish a redelivery or an event that depends on an earlier one.
 */
public final class ConsumerGroups {

    private static final long POLL_MILLIS = 100;

    private ConsumerGroups() {
    }

    /**
     * Returns once {@code group} has committed up to the end of every partition it consumes; fails with an
     * {@link AssertionError} naming the lagging partitions after {@code timeout}.
     */
    public static void awaitCaughtUp(String bootstrapServers, String group, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            String lag = "no committed offsets yet";
            while (System.nanoTime() - deadline < 0) {
                lag = lagOf(admin, group);
                if (lag.isEmpty()) {
                    return;
                }
                Thread.sleep(POLL_MILLIS);
            }
            throw new AssertionError("consumer group " + group + " did not catch up within " + timeout + ": " + lag);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for consumer group " + group, e);
        }
    }

    /** Empty when caught up; otherwise which partitions lag, for the failure message. */
    private static String lagOf(Admin admin, String group) throws InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            if (committed.isEmpty()) {
                return "no committed offsets yet";
            }
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .filter(end -> committed.get(end.getKey()).offset() != end.getValue().offset())
                    .map(end -> end.getKey() + " at " + committed.get(end.getKey()).offset() + " of "
                            + end.getValue().offset())
                    .collect(Collectors.joining(", "));
        } catch (ExecutionException e) {
            return "offsets not readable: " + e.getCause();
        }
    }
}
