package io.cityloop.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code ./mvnw -f bench/pom.xml exec:java [-Dbench.scale=full]}: starts the embedded system in simulation mode,
 * measures the baseline, drives the simulated city under load with the drills, and writes
 * {@code target/bench/summary.json}, {@code target/bench/report.md} and Gatling's HTML report.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.forScale(System.getProperty("bench.scale", "smoke"));
        Path home = Path.of(System.getProperty("cityloop.home", "..")).toAbsolutePath().normalize();
        BenchRun.Summary summary = new BenchRun(settings, home, System.out).run();
        System.out.println(summary.table());
        System.out.println("Written: " + settings.output().resolve("summary.json") + ", "
                + settings.output().resolve("report.md") + ", Gatling report under " + settings.gatlingResults());
        Files.createDirectories(settings.output());
        System.exit(summary.allDrillsPassed() ? 0 : 1);
    }

    static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}
