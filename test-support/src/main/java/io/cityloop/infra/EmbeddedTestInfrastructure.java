package io.cityloop.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@link EmbeddedInfrastructure} on random free ports with in-memory MongoDB and a temporary Kafka directory, so
 * tests can run while a local CityLoop occupies the default ports, and leave nothing behind.
 */
final class EmbeddedTestInfrastructure implements StartedTestInfrastructure {

    /** Free ports are only free until someone else binds them; another JVM may win the race. */
    private static final int START_ATTEMPTS = 3;

    private final EmbeddedInfrastructure infrastructure;
    private final Path dataDirectory;

    private EmbeddedTestInfrastructure(EmbeddedInfrastructure infrastructure, Path dataDirectory) {
        this.infrastructure = infrastructure;
        this.dataDirectory = dataDirectory;
    }

    static EmbeddedTestInfrastructure start() {
        Path dataDirectory = createTempDirectory();
        PortInUseException lastClash = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                EmbeddedInfrastructure started =
                        EmbeddedInfrastructure.start(InfrastructureSettings.ephemeral(dataDirectory));
                return new EmbeddedTestInfrastructure(started, dataDirectory);
            } catch (PortInUseException e) {
                lastClash = e;
            }
        }
        deleteRecursively(dataDirectory);
        throw new IllegalStateException("no free ports for the embedded test infrastructure after "
                + START_ATTEMPTS + " attempts", lastClash);
    }

    @Override
    public String bootstrapServers() {
        return infrastructure.bootstrapServers();
    }

    @Override
    public String mongoUri(String database) {
        return infrastructure.mongoUri(database);
    }

    @Override
    public String indexedMongoUri(String database) {
        infrastructure.queryGuard().guard(database);
        return infrastructure.mongoUri(database);
    }

    @Override
    public boolean isRealMongo() {
        return false;
    }

    @Override
    public InfrastructureKind kind() {
        return InfrastructureKind.EMBEDDED;
    }

    @Override
    public void close() {
        try {
            infrastructure.close();
        } finally {
            deleteRecursively(dataDirectory);
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("cityloop-it-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the test infrastructure", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete test infrastructure directory " + directory, e);
        }
    }
}
