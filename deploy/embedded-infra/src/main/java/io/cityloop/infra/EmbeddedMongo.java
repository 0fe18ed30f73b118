package io.cityloop.infra;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * An in-process server that speaks the MongoDB wire protocol (de.bwaldvogel mongo-java-server), so services run
 * without a MongoDB installation or Docker.
 *
 * <p>Not a full MongoDB: no multi-document transactions and no geo queries; callers that need geo check
 * {@code TestInfrastructure.isRealMongo()}. The declared secondary (non-unique, compound) indexes serve equality,
 * {@code $in}, ranges and sorts ({@link SecondaryIndex}, {@link IndexedQueries}); they live in memory and are rebuilt
 * from the documents each time the server opens the H2 file. A {@link QueryGuard} counts what each query reads. Reads are answered with copies taken under the collection's lock
 * ({@link SnapshotReads}): the server alone may hand out half an update. The server's advertised wire version is left
 * at its default because it is exactly the minimum the 5.x Java driver accepts. The H2 file only grows; delete it to
 * reset local data.
 */
public final class EmbeddedMongo implements AutoCloseable {

    /** File name of the H2 store inside {@link MongoSettings#dataDirectory()}. */
    public static final String H2_FILE_NAME = "mongo.mv.db";

    /**
     * The H2 file's page cache, in MB: system property {@value #CACHE_PROPERTY} or environment variable
     * {@value #CACHE_ENVIRONMENT}, default {@value #DEFAULT_CACHE_MB}. Documents are stored Java-serialized; a page
     * not in the cache is read and deserialized again on every access. With H2's default of 16 MB a year of a city
     * outgrew the cache and deserializing pages took 42 % of the bench JVM's CPU (JFR), so what the loop accepted
     * fell as the cases accumulated.
     */
    public static final String CACHE_PROPERTY = "cityloop.mongo.cache-mb";
    public static final String CACHE_ENVIRONMENT = "CITYLOOP_MONGO_CACHE_MB";
    static final int DEFAULT_CACHE_MB = 256;

    private final MongoSettings settings;
    private final MongoServer server;
    private final MongoBackend backend;
    private final QueryGuard queryGuard;
    private boolean closed;

    private EmbeddedMongo(MongoSettings settings, MongoServer server, MongoBackend backend, QueryGuard queryGuard) {
        this.settings = settings;
        this.server = server;
        this.backend = backend;
        this.queryGuard = queryGuard;
    }

    public static EmbeddedMongo start(MongoSettings settings) {
        return start(settings, QueryGuard.fromEnvironment());
    }

    /** Starts the server with {@code guard} checking the cost of every query ({@link QueryGuard}). */
    public static EmbeddedMongo start(MongoSettings settings, QueryGuard guard) {
        MongoBackend backend = backendFor(settings, guard);
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(settings.host(), settings.port());
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw new IllegalStateException("MongoDB wire server did not start on " + settings.host() + ":"
                    + settings.port() + ": " + e.getMessage(), e);
        }
        return new EmbeddedMongo(settings, server, backend, guard);
    }

    private static MongoBackend backendFor(MongoSettings settings, QueryGuard guard) {
        if (settings.inMemory()) {
            return SnapshotReads.memory(guard);
        }
        try {
            Files.createDirectories(settings.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create MongoDB data directory " + settings.dataDirectory(), e);
        }
        if (MongoStoreCompaction.onStart()) {
            MongoStoreCompaction.compact(settings.dataDirectory());
        }
        return SnapshotReads.h2(openStore(h2File(settings.dataDirectory()),
                cacheMegabytes(System.getProperty(CACHE_PROPERTY), System.getenv(CACHE_ENVIRONMENT))), guard);
    }

    static MVStore openStore(Path file, int cacheMegabytes) {
        return new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMegabytes).open();
    }

    /** The cache size the property (first) or the environment gives, else the default; refuses what is no size. */
    static int cacheMegabytes(String property, String environment) {
        String given = property != null && !property.isBlank() ? property : environment;
        if (given == null || given.isBlank()) {
            return DEFAULT_CACHE_MB;
        }
        try {
            int megabytes = Integer.parseInt(given.trim());
            if (megabytes > 0) {
                return megabytes;
            }
        } catch (NumberFormatException e) {
            // answered below with what was given
        }
        throw new IllegalArgumentException(CACHE_PROPERTY + " / " + CACHE_ENVIRONMENT
                + " must be a positive number of megabytes, was '" + given + "'");
    }

    /** The H2 file that holds all databases when the server is not in memory. */
    public static Path h2File(Path dataDirectory) {
        return dataDirectory.toAbsolutePath().resolve(H2_FILE_NAME);
    }

    /** {@code mongodb://host:port}, without a database; append {@code /name} for Spring's {@code spring.mongodb.uri}. */
    public String connectionString() {
        return "mongodb://" + settings.host() + ":" + settings.port();
    }

    /** What this server does with a query that reads far more than it returns. */
    public QueryGuard queryGuard() {
        return queryGuard;
    }

    /**
     * Where a declared secondary index disagrees with its documents (missing, misplaced or stale entries), by
     * {@code database.collection}; empty when every index is exact ({@link IndexConsistency}).
     */
    public synchronized java.util.List<String> indexInconsistencies() {
        return closed ? java.util.List.of() : IndexConsistency.check(backend);
    }

    MongoBackend backend() {
        return backend;
    }

    public MongoSettings settings() {
        return settings;
    }

    /** Drops client connections and closes the backend, which commits and releases the H2 file. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.shutdownNow();
        }
    }
}
