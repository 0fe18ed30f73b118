package io.cityloop.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;


/** Where Gatling put its HTML report (charts of response times and rates) for this run. */
public final class GatlingStats {

    private GatlingStats() {
    }

    /** The newest Gatling HTML report (index.html) under the results folder, or a note that there is none. */
    public static String latestReport(Path resultsFolder) throws IOException {
        if (!Files.isDirectory(resultsFolder)) {
            return "none";
        }
        try (Stream<Path> runs = Files.list(resultsFolder)) {
            return runs.filter(p -> Files.exists(p.resolve("index.html")))
                    .max(Comparator.comparingLong(p -> p.toFile().lastModified()))
                    .map(p -> p.resolve("index.html").toString()).orElse("none");
        }
    }
}
