package io.cityloop.infra;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything the launcher can change about the local infrastructure. Kafka keeps its log under
 * {@code dataDirectory/kafka}, MongoDB its H2 file under {@code dataDirectory/mongo}; deleting the directory resets
 * all local state.
 */
public record InfrastructureSettings(String host, int kafkaPort, int kafkaControllerPort, int mongoPort,
                                     Path dataDirectory, boolean inMemoryMongo) {

    public InfrastructureSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
    }

    /** The documented addresses: Kafka {@code localhost:9092} (controller 9093), MongoDB {@code localhost:27017}. */
    public static InfrastructureSettings localDefaults(Path dataDirectory) {
        return new InfrastructureSettings("localhost", KafkaSettings.DEFAULT_BROKER_PORT,
                KafkaSettings.DEFAULT_CONTROLLER_PORT, MongoSettings.DEFAULT_PORT, dataDirectory, false);
    }

    /** Random free ports and throw-away MongoDB data, for tests that may run next to a local system. */
    public static InfrastructureSettings ephemeral(Path dataDirectory) {
        int[] ports = FreePorts.next(3);
        return new InfrastructureSettings("localhost", ports[0], ports[1], ports[2], dataDirectory, true);
    }

    KafkaSettings kafka() {
        return new KafkaSettings(host, kafkaPort, kafkaControllerPort, dataDirectory.resolve("kafka"),
                KafkaSettings.DEFAULT_PARTITIONS);
    }

    MongoSettings mongo() {
        return new MongoSettings(host, mongoPort, dataDirectory.resolve("mongo"), inMemoryMongo);
    }
}
