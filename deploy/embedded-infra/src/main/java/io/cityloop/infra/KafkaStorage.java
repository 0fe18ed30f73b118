package io.cityloop.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * Formats a KRaft log directory the way {@code kafka-storage.sh format} does. Skipped when
 * {@code meta.properties} exists, because formatting again would mint a new cluster id and the broker would refuse
 * the old log (or we would have to wipe topics and committed offsets, which local runs want to keep).
 */
final class KafkaStorage {

    private static final String META_PROPERTIES = "meta.properties";

    private KafkaStorage() {
    }

    static boolean isFormatted(Path dataDirectory) {
        return Files.isRegularFile(dataDirectory.resolve(META_PROPERTIES));
    }

    static void formatIfNeeded(Path dataDirectory, int nodeId, String controllerListenerName) {
        if (isFormatted(dataDirectory)) {
            return;
        }
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka data directory " + dataDirectory, e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            String directory = dataDirectory.toAbsolutePath().toString();
            new Formatter()
                    .setPrintStream(print)
                    .setNodeId(nodeId)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(directory))
                    .setMetadataLogDirectory(directory)
                    .setControllerListenerName(controllerListenerName)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("formatting Kafka storage in " + dataDirectory + " failed: "
                    + e.getMessage() + System.lineSeparator() + output.toString(StandardCharsets.UTF_8), e);
        }
    }
}
