package io.cityloop.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Disk per case counts what the disk gave: a sparse, preallocated Kafka index costs nothing until written. */
class StoreGrowthSamplerTest {

    @Test
    void countsWrittenBytesButNotTheHoleOfAPreallocatedIndex(@TempDir Path kafka) throws IOException {
        Path partition = Files.createDirectories(kafka.resolve("cityloop.case-events-0"));
        Files.write(partition.resolve("00000000000000000000.log"), new byte[256 * 1024]);
        try (RandomAccessFile index = new RandomAccessFile(partition.resolve("00000000000000000000.index").toFile(),
                "rw")) {
            index.setLength(10 * 1024 * 1024);
        }

        long bytes = StoreGrowthSampler.bytesUnder(kafka);

        assertThat(bytes).as("the log's 256 KB are on disk").isGreaterThanOrEqualTo(256 * 1024);
        assertThat(bytes).as("the 10 MB index is a hole").isLessThan(2 * 1024 * 1024);
    }

    @Test
    void aDirectoryThatDoesNotExistTakesNothing(@TempDir Path data) {
        assertThat(StoreGrowthSampler.bytesUnder(data.resolve("mongo"))).isZero();
    }
}
