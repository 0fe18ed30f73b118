package io.cityloop.infra;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process) inside this JVM.
 *
 * <p>In-process rather than a container because the launcher must run on machines without Docker, and because
 * integration tests start it in about two seconds. The log lives in {@link KafkaSettings#dataDirectory()}; a
 * restart on the same directory keeps topics, records and committed consumer offsets.
 */
public final class EmbeddedKafka implements AutoCloseable {

    static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaSettings settings;
    private final KafkaRaftServer server;
    private boolean closed;

    private EmbeddedKafka(KafkaSettings settings, KafkaRaftServer server) {
        this.settings = settings;
        this.server = server;
    }

    /** Formats the data directory on first use, then starts the broker and returns once it accepts requests. */
    public static EmbeddedKafka start(KafkaSettings settings) {
        KafkaLogLevels.quietBroker();
        KafkaStorage.formatIfNeeded(settings.dataDirectory(), NODE_ID, CONTROLLER_LISTENER);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(brokerConfig(settings)), Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            shutDown(server);
            throw new IllegalStateException("Kafka did not start on " + settings.host() + ":" + settings.brokerPort()
                    + " (controller " + settings.controllerPort() + ", data " + settings.dataDirectory() + "): "
                    + e.getMessage(), e);
        }
        return new EmbeddedKafka(settings, server);
    }

    static Properties brokerConfig(KafkaSettings settings) {
        String host = settings.host();
        String dataDirectory = settings.dataDirectory().toAbsolutePath().toString();
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", String.valueOf(NODE_ID));
        config.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + settings.controllerPort());
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("inter.broker.listener.name", BROKER_LISTENER);
        config.put("listeners", BROKER_LISTENER + "://" + host + ":" + settings.brokerPort() + ","
                + CONTROLLER_LISTENER + "://" + host + ":" + settings.controllerPort());
        config.put("advertised.listeners", BROKER_LISTENER + "://" + host + ":" + settings.brokerPort());
        config.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("log.dirs", dataDirectory);
        config.put("metadata.log.dir", dataDirectory);
        config.put("num.partitions", String.valueOf(settings.defaultPartitions()));
        config.put("auto.create.topics.enable", "false");
        config.put("group.initial.rebalance.delay.ms", "0");
        // One node: every internal topic and every write can only ever have one replica.
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        // 50 offset partitions (the default) make the first consumer-group join noticeably slow on two cores.
        config.put("offsets.topic.num.partitions", String.valueOf(settings.defaultPartitions()));
        return config;
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return settings.host() + ":" + settings.brokerPort();
    }

    public KafkaSettings settings() {
        return settings;
    }

    /**
     * Creates the missing topics and waits until every partition can take writes (see {@link KafkaTopics} for
     * why waiting is required before an idempotent producer may send).
     *
     * @param topicPartitions topic name to partition count; existing topics are left as they are
     */
    public void createTopics(Map<String, Integer> topicPartitions) {
        KafkaTopics.ensureTopics(bootstrapServers(), topicPartitions, TOPIC_TIMEOUT);
    }

    /** Stops the broker and waits until its threads are gone and the log is flushed, so the directory can be reused. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            shutDown(server);
        }
    }

    private static void shutDown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }
}
