package io.cityloop.infra;

/**
 * The Kafka and MongoDB that a service's integration tests talk to, whichever kind was selected.
 *
 * <p>One instance per JVM ({@link #shared()}) because starting a broker per test class would dominate test time;
 * tests isolate themselves by database name and consumer group instead. The CityLoop topics
 * ({@link CityLoopTopics#all()}) exist and accept writes before this is returned.
 *
 * <p>Typical use in a Spring Boot test:
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     TestInfrastructure infra = TestInfrastructure.shared();
 *     registry.add("spring.kafka.bootstrap-servers", infra::bootstrapServers);
 *     registry.add("spring.mongodb.uri", () -> infra.mongoUri("cityloop-intake-it"));
 * }
 * }</pre>
 */
public interface TestInfrastructure {

    String bootstrapServers();

    /** A URI that selects {@code database}, in the form Spring Boot reads from {@code spring.mongodb.uri}. */
    String mongoUri(String database);

    /**
     * Like {@link #mongoUri(String)}, for a database whose every query must be served by an index: on the embedded
     * server its {@link QueryGuard} fails a query that scans the collection or reads more than 10 × what it returns +
     * 100 documents, with error 291 naming the collection, the filter's shape and the index it lacked. On a real
     * MongoDB, the same as {@link #mongoUri(String)}.
     */
    default String indexedMongoUri(String database) {
        return mongoUri(database);
    }

    /** {@code true} on a real MongoDB, where native geo queries and transactions work. */
    boolean isRealMongo();

    InfrastructureKind kind();

    /**
     * Starts the {@linkplain InfrastructureKind#selected() selected} infrastructure on first call and returns the
     * same instance afterwards; it is stopped by a JVM shutdown hook.
     */
    static TestInfrastructure shared() {
        return SharedTestInfrastructure.get();
    }
}
