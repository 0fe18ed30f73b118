package io.cityloop.infra;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the MongoDB wire-protocol server listens and whether it keeps data.
 *
 * @param dataDirectory holds the H2 file; ignored (and may be {@code null}) when {@code inMemory}
 * @param inMemory      {@code true} for throw-away data (tests), {@code false} to keep data across restarts
 */
public record MongoSettings(String host, int port, Path dataDirectory, boolean inMemory) {

    public static final int DEFAULT_PORT = 27017;

    public MongoSettings {
        Objects.requireNonNull(host, "host");
        KafkaSettings.requirePort(port, "port");
        if (!inMemory) {
            Objects.requireNonNull(dataDirectory, "dataDirectory is required unless inMemory");
        }
    }

    /** {@code localhost:27017}, data kept in an H2 file under {@code dataDirectory}. */
    public static MongoSettings localDefaults(Path dataDirectory) {
        return new MongoSettings("localhost", DEFAULT_PORT, dataDirectory, false);
    }

    public static MongoSettings inMemory(String host, int port) {
        return new MongoSettings(host, port, null, true);
    }
}
