package io.cityloop.infra;

import java.time.Duration;

import org.bson.Document;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Real Kafka and MongoDB in Docker, configured like the embedded broker (no topic auto-creation, 12 partitions,
 * no rebalance delay) so that a test behaves the same on both and differences point at the embedded servers.
 * <p>
 * The databases whose every query must be served by an index ({@link #indexedMongoUri}) live on a second
 * {@code mongod} running with MongoDB's own {@code notablescan}: there a query whose plan would be a collection scan
 * fails with "No query solutions" naming the namespace and the filter, as the embedded server's {@link QueryGuard}
 * fails it with error 291. {@code notablescan} is a server-wide switch, hence the second server: the plain
 * {@link #mongoUri} databases may still scan (a test's own assertions reading a collection, say).
 */
final class ContainerTestInfrastructure implements StartedTestInfrastructure {

    static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.1.1");
    static final DockerImageName MONGO_IMAGE = DockerImageName.parse("mongo:8.0");
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaContainer kafka;
    private final MongoDBContainer mongo;
    private final MongoDBContainer indexedMongo;

    private ContainerTestInfrastructure(KafkaContainer kafka, MongoDBContainer mongo, MongoDBContainer indexedMongo) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.indexedMongo = indexedMongo;
    }

    static ContainerTestInfrastructure start() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE)
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_NUM_PARTITIONS", String.valueOf(KafkaSettings.DEFAULT_PARTITIONS))
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
        MongoDBContainer indexedMongo = new MongoDBContainer(MONGO_IMAGE);
        ContainerTestInfrastructure infrastructure = new ContainerTestInfrastructure(kafka, mongo, indexedMongo);
        try {
            Startables.deepStart(kafka, mongo, indexedMongo).join();
            refuseCollectionScans(indexedMongo.getReplicaSetUrl("admin"));
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
    public String indexedMongoUri(String database) {
        return indexedMongo.getReplicaSetUrl(database);
    }

    /** Set at run time once the replica set is up, so that its own start-up reads are not refused. */
    static void refuseCollectionScans(String adminUri) {
        try (MongoClient client = MongoClients.create(adminUri)) {
            client.getDatabase("admin").runCommand(new Document("setParameter", 1).append("notablescan", true));
        }
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
            try {
                mongo.stop();
            } finally {
                indexedMongo.stop();
            }
        }
    }
}
