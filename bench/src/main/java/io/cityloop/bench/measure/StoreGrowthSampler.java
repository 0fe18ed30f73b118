package io.cityloop.bench.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

/**
 * What the stores take on disk per case, at the end of each tenth of the load and once more after the drain: the
 * Kafka log directory and the embedded MongoDB's directory (its H2 file, when the run keeps one), divided by the
 * cases accepted so far (reports refused are not cases, though their attempts may leave events behind). A store whose documents or logs grew with every event rather than with every case would
 * show as bytes per case that climb from tenth to tenth.
 */
public final class StoreGrowthSampler {

    private final Path kafka;
    private final Path mongo;
    private final IntSupplier cases;
    private final ScheduledExecutorService timer;
    private final long tenthMillis;
    private final List<Map<String, Object>> tenths = new ArrayList<>();

    private StoreGrowthSampler(Path kafka, Path mongo, IntSupplier cases, Duration load) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.cases = cases;
        this.tenthMillis = Math.max(1, load.toMillis() / 10);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "store-growth");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Samples at the end of every tenth of {@code load}, the Kafka log and MongoDB data under these directories. */
    public static StoreGrowthSampler start(Path kafka, Path mongo, IntSupplier cases, Duration load) {
        StoreGrowthSampler sampler = new StoreGrowthSampler(kafka, mongo, cases, load);
        sampler.timer.scheduleAtFixedRate(() -> sampler.sampleTenth(), sampler.tenthMillis, sampler.tenthMillis,
                TimeUnit.MILLISECONDS);
        return sampler;
    }

    private synchronized void sampleTenth() {
        if (tenths.size() < 10) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("tenth", tenths.size() + 1);
            figures.putAll(now());
            tenths.add(figures);
        }
    }

    /** The sizes now and per case accepted so far. */
    public Map<String, Object> now() {
        int accepted = cases.getAsInt();
        long kafkaBytes = bytesUnder(kafka);
        long mongoBytes = bytesUnder(mongo);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("cases", accepted);
        figures.put("kafkaBytes", kafkaBytes);
        figures.put("mongoBytes", mongoBytes);
        figures.put("kafkaBytesPerCase", accepted == 0 ? 0 : kafkaBytes / accepted);
        figures.put("mongoBytesPerCase", accepted == 0 ? 0 : mongoBytes / accepted);
        return figures;
    }

    /** Stops sampling; the tenths measured so far. */
    public synchronized List<Map<String, Object>> stop() {
        timer.shutdownNow();
        return List.copyOf(tenths);
    }

    /**
     * Bytes the directory takes on disk (allocated blocks, from {@code du}): Kafka preallocates its index files
     * sparse, 10 MB apiece, so their apparent size would count space the disk never gave.
     */
    static long bytesUnder(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            return 0;
        }
        try {
            // a file removed while du walks makes it complain on stderr and exit 1, with the total still printed
            Process du = new ProcessBuilder("du", "-sk", directory.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String answer = new String(du.getInputStream().readAllBytes()).trim();
            du.waitFor();
            if (!answer.isEmpty()) {
                return 1024 * Long.parseLong(answer.split("\\s+")[0]);
            }
        } catch (IOException | NumberFormatException e) {
            // no du here: the apparent sizes below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException gone) {
                    // a log segment deleted or renamed while walking
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
