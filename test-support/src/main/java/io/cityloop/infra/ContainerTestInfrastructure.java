package io.cityloop.infra;

import java.time.Duration;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Real Kafka and MongoDB in Docker, configured like the embedded broker (no topic auto-creation, 12 partitions,
 * no rebalance delay) so that a test behaves the same on both and differences point at the embedded servers.
 */
final class ContainerTestInfrastructure implements StartedTestInfrastructure {

    static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.1.1");
    static final DockerImageName MONGO_IMAGE = DockerImageName.parse("mongo:8.0");
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaContainer kafka;
    private final MongoDBContainer mongo;

    private ContainerTestInfrastructure(KafkaContainer kafka, MongoDBContainer mongo) {
        this.kafka = kafka;
        this.mongo = mongo;
    }

    static ContainerTestInfrastructure start() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE)
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_NUM_PARTITIONS", String.valueOf(KafkaSettings.DEFAULT_PARTITIONS))
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
        ContainerTestInfrastructure infrastructure = new ContainerTestInfrastructure(kafka, mongo);
        try {
            Startables.deepStart(kafka, mongo).join();
            KafkaTopics.ensureTopics(kafka.getBootstrapServers(), CityLoopTopics.all(), TOPIC_TIMEOUT);
            return infrastructure;
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
    }

    @Override
    public String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoUri(String database) {
        return mongo.getReplicaSetUrl(database);
    }

    @Override
    public boolean isRealMongo() {
        return true;
    }

    @Override
    public InfrastructureKind kind() {
        return InfrastructureKind.CONTAINERS;
    }

    @Override
    public void close() {
        try {
            kafka.stop();
        } finally {
            mongo.stop();
        }
    }
}
