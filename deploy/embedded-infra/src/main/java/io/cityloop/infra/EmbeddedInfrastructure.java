package io.cityloop.infra;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Kafka and the MongoDB wire server together, with the CityLoop topics in place: what the launcher and the
 * embedded integration tests need before any service starts.
 *
 * <p>By default both run in this JVM. For reliability drills the broker can run as its own process
 * ({@link KafkaBrokerProcess}), so that it can be killed and started again on the same ports and log directory,
 * and MongoDB can be stopped and started again on the same port (with an H2 file, its data survives that).
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    private final InfrastructureSettings settings;
    private final EmbeddedKafka kafka;
    private final Path brokerLog;
    private KafkaBrokerProcess brokerProcess;
    private EmbeddedMongo mongo;

    private EmbeddedInfrastructure(InfrastructureSettings settings, EmbeddedKafka kafka,
                                   KafkaBrokerProcess brokerProcess, Path brokerLog, EmbeddedMongo mongo) {
        this.settings = settings;
        this.kafka = kafka;
        this.brokerProcess = brokerProcess;
        this.brokerLog = brokerLog;
        this.mongo = mongo;
    }

    /**
     * Checks all ports first, so a clash is reported with the setting to change before anything starts; then
     * starts MongoDB and Kafka and creates {@link CityLoopTopics#all()}.
     *
     * @throws PortInUseException if a port is taken
     */
    public static EmbeddedInfrastructure start(InfrastructureSettings settings) {
        return start(settings, null);
    }

    /**
     * Like {@link #start(InfrastructureSettings)}, but with {@code brokerLog} not null the broker runs as its own
     * process ({@link KafkaBrokerProcess}) that writes to {@code brokerLog}; see {@link #killBroker()}.
     */
    public static EmbeddedInfrastructure start(InfrastructureSettings settings, Path brokerLog) {
        PortCheck.requireFree(settings.host(), settings.kafkaPort(), "Kafka", "set --kafka-port or KAFKA_PORT");
        PortCheck.requireFree(settings.host(), settings.kafkaControllerPort(), "Kafka controller",
                "set --kafka-controller-port or KAFKA_CONTROLLER_PORT");
        PortCheck.requireFree(settings.host(), settings.mongoPort(), "MongoDB", "set --mongo-port or MONGO_PORT");
        EmbeddedMongo mongo = EmbeddedMongo.start(settings.mongo());
        try {
            if (brokerLog != null) {
                return new EmbeddedInfrastructure(settings, null,
                        KafkaBrokerProcess.start(settings.kafka(), brokerLog), brokerLog, mongo);
            }
            EmbeddedKafka kafka = EmbeddedKafka.start(settings.kafka());
            try {
                kafka.createTopics(CityLoopTopics.all());
            } catch (RuntimeException e) {
                kafka.close();
                throw e;
            }
            return new EmbeddedInfrastructure(settings, kafka, null, null, mongo);
        } catch (RuntimeException e) {
            mongo.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return settings.host() + ":" + settings.kafkaPort();
    }

    /** {@code mongodb://host:port/database}, the form Spring Boot reads from {@code spring.mongodb.uri}. */
    public String mongoUri(String database) {
        return "mongodb://" + settings.host() + ":" + settings.mongoPort() + "/" + database;
    }

    public InfrastructureSettings settings() {
        return settings;
    }

    /** The in-process broker; fails when the broker runs as its own process. */
    public EmbeddedKafka kafka() {
        if (kafka == null) {
            throw new IllegalStateException("the broker runs as its own process (pid " + brokerPid() + ")");
        }
        return kafka;
    }

    public synchronized EmbeddedMongo mongo() {
        return mongo;
    }

    public boolean brokerInOwnProcess() {
        return brokerLog != null;
    }

    /** The broker's process id when it runs as its own process and is alive. */
    public synchronized OptionalLong brokerPid() {
        return brokerProcess != null && brokerProcess.isAlive() ? OptionalLong.of(brokerProcess.pid())
                : OptionalLong.empty();
    }

    /** {@code kill -9} of the broker process; only when it runs as its own process. */
    public synchronized void killBroker() {
        requireOwnProcess().kill();
    }

    /** Starts the broker process again on the same ports and log directory, once it was killed. */
    public synchronized void startBroker() {
        KafkaBrokerProcess current = requireOwnProcess();
        if (current.isAlive()) {
            throw new IllegalStateException("the broker process " + current.pid() + " is still running");
        }
        brokerProcess = KafkaBrokerProcess.start(settings.kafka(), brokerLog);
    }

    private KafkaBrokerProcess requireOwnProcess() {
        if (brokerProcess == null) {
            throw new IllegalStateException("the broker runs in this JVM; start with a broker log to run it apart");
        }
        return brokerProcess;
    }

    /** The MongoDB server's query guard; it outlives {@link #stopMongo()} and {@link #startMongo()}. */
    /** The embedded MongoDB's index check ({@link EmbeddedMongo#indexInconsistencies()}). */
    public synchronized java.util.List<String> indexInconsistencies() {
        return mongo.indexInconsistencies();
    }

    public synchronized QueryGuard queryGuard() {
        return mongo.queryGuard();
    }

    /** Closes the MongoDB server: clients see connection refused until {@link #startMongo()}. */
    public synchronized void stopMongo() {
        mongo.close();
    }

    /**
     * Starts MongoDB again on the same port and, unless in memory, the same H2 file (in memory, the data is gone).
     * Retries the bind for a few seconds, because the closed server's port may take a moment to be released.
     */
    public synchronized void startMongo() {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                mongo = EmbeddedMongo.start(settings.mongo(), mongo.queryGuard());
                return;
            } catch (RuntimeException e) {
                last = e;
                try {
                    Thread.sleep(250);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw last;
    }

    /** Closes both; MongoDB is closed even when stopping Kafka fails, so no port stays bound. */
    @Override
    public synchronized void close() {
        try {
            if (kafka != null) {
                kafka.close();
            }
            if (brokerProcess != null) {
                brokerProcess.close();
            }
        } finally {
            mongo.close();
        }
    }
}
