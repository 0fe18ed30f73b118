package io.cityloop.infra;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the in-process broker listens and keeps its log. Both ports are fixed before start because in KRaft mode
 * the controller address is part of the quorum definition that the broker reads at boot.
 *
 * @param defaultPartitions {@code num.partitions}, used for topics created without an explicit count
 */
public record KafkaSettings(String host, int brokerPort, int controllerPort, Path dataDirectory,
                            int defaultPartitions) {

    public static final int DEFAULT_BROKER_PORT = 9092;
    public static final int DEFAULT_CONTROLLER_PORT = 9093;
    public static final int DEFAULT_PARTITIONS = 12;

    public KafkaSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        requirePort(brokerPort, "brokerPort");
        requirePort(controllerPort, "controllerPort");
        if (brokerPort == controllerPort) {
            throw new IllegalArgumentException("broker and controller need different ports, both are " + brokerPort);
        }
        if (defaultPartitions < 1) {
            throw new IllegalArgumentException("defaultPartitions must be at least 1, was " + defaultPartitions);
        }
    }

    /** The documented local addresses: {@code localhost:9092}, controller {@code 9093}, 12 partitions. */
    public static KafkaSettings localDefaults(Path dataDirectory) {
        return new KafkaSettings("localhost", DEFAULT_BROKER_PORT, DEFAULT_CONTROLLER_PORT, dataDirectory,
                DEFAULT_PARTITIONS);
    }

    public KafkaSettings withPorts(int newBrokerPort, int newControllerPort) {
        return new KafkaSettings(host, newBrokerPort, newControllerPort, dataDirectory, defaultPartitions);
    }

    static void requirePort(int port, String name) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be between 1 and 65535, was " + port);
        }
    }
}
