package io.cityloop.infra;

/**
 * Kafka and the MongoDB wire server together, with the CityLoop topics in place: what the launcher and the
 * embedded integration tests need before any service starts.
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    private final InfrastructureSettings settings;
    private final EmbeddedKafka kafka;
    private final EmbeddedMongo mongo;

    private EmbeddedInfrastructure(InfrastructureSettings settings, EmbeddedKafka kafka, EmbeddedMongo mongo) {
        this.settings = settings;
        this.kafka = kafka;
        this.mongo = mongo;
    }

    /**
     * Checks all ports first, so a clash is reported with the setting to change before anything starts; then
     * starts MongoDB and Kafka and creates {@link CityLoopTopics#all()}.
     *
     * @throws PortInUseException if a port is taken
     */
    public static EmbeddedInfrastructure start(InfrastructureSettings settings) {
        PortCheck.requireFree(settings.host(), settings.kafkaPort(), "Kafka", "set --kafka-port or KAFKA_PORT");
        PortCheck.requireFree(settings.host(), settings.kafkaControllerPort(), "Kafka controller",
                "set --kafka-controller-port or KAFKA_CONTROLLER_PORT");
        PortCheck.requireFree(settings.host(), settings.mongoPort(), "MongoDB", "set --mongo-port or MONGO_PORT");
        EmbeddedMongo mongo = EmbeddedMongo.start(settings.mongo());
        try {
            EmbeddedKafka kafka = EmbeddedKafka.start(settings.kafka());
            try {
                kafka.createTopics(CityLoopTopics.all());
            } catch (RuntimeException e) {
                kafka.close();
                throw e;
            }
            return new EmbeddedInfrastructure(settings, kafka, mongo);
        } catch (RuntimeException e) {
            mongo.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** {@code mongodb://host:port/database}, the form Spring Boot reads from {@code spring.mongodb.uri}. */
    public String mongoUri(String database) {
        return mongo.connectionString() + "/" + database;
    }

    public InfrastructureSettings settings() {
        return settings;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedMongo mongo() {
        return mongo;
    }

    /** Closes both; MongoDB is closed even when stopping Kafka fails, so no port stays bound. */
    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            mongo.close();
        }
    }
}
