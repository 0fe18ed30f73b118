package io.cityloop.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shrinks the embedded MongoDB's H2 file, which otherwise never gives back the space of deleted or rewritten
 * documents: H2's offline compaction copies the live data into a new file and replaces the old one. The server must
 * not have the file open.
 *
 * <p>On start: system property {@value #PROPERTY} or environment variable {@value #ENVIRONMENT} {@code true} (e.g.
 * {@code CITYLOOP_MONGO_COMPACT_ON_START=true java -jar deploy/launcher/target/cityloop-launcher-exec.jar}). On
 * demand, with the launcher stopped: {@code java -cp <class path> io.cityloop.infra.MongoStoreCompaction
 * .cityloop-data/mongo}.
 */
public final class MongoStoreCompaction {

    public static final String PROPERTY = "cityloop.mongo.compact-on-start";
    public static final String ENVIRONMENT = "CITYLOOP_MONGO_COMPACT_ON_START";

    private static final Logger log = LoggerFactory.getLogger(MongoStoreCompaction.class);

    /** Sizes of the file before and after, in bytes. */
    public record Result(Path file, long bytesBefore, long bytesAfter) {
    }

    private MongoStoreCompaction() {
    }

    static boolean onStart() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(ENVIRONMENT);
        }
        return value != null && Boolean.parseBoolean(value.trim());
    }

    /** Compacts the H2 file of {@code dataDirectory} (the MongoDB data directory, e.g. {@code .cityloop-data/mongo}). */
    public static Result compact(Path dataDirectory) {
        Path file = EmbeddedMongo.h2File(dataDirectory);
        if (!Files.exists(file)) {
            return new Result(file, 0, 0);
        }
        try {
            long before = Files.size(file);
            // a compaction cut short by a crash leaves a temporary or a renamed file: finish or undo it first
            MVStoreTool.compactCleanUp(file.toString());
            MVStoreTool.compact(file.toString(), false);
            long after = Files.size(file);
            log.info("compacted {}: {} MB -> {} MB", file, before / 1_048_576, after / 1_048_576);
            return new Result(file, before, after);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compact " + file, e);
        }
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: MongoStoreCompaction <MongoDB data directory, e.g. .cityloop-data/mongo>");
            System.exit(2);
        }
        Result result = compact(Path.of(args[0]));
        System.out.printf("%s: %,d -> %,d bytes%n", result.file(), result.bytesBefore(), result.bytesAfter());
    }
}
