package io.cityloop.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@link KafkaBrokerMain} in a child process with this JVM's {@code java} and class path (which must hold this
 * module's classes and the Kafka server jars as plain entries, as under Maven or {@code exec:exec}; the Spring Boot
 * launcher jar does not qualify). Output goes to a log file, appended across restarts.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    private final KafkaSettings settings;
    private final Process process;

    private KafkaBrokerProcess(KafkaSettings settings, Process process) {
        this.settings = settings;
        this.process = process;
    }

    /** Starts the broker process and returns once it has printed {@link KafkaBrokerMain#READY}. */
    public static KafkaBrokerProcess start(KafkaSettings settings, Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(KafkaBrokerMain.class.getName());
        command.add(settings.host());
        command.add(Integer.toString(settings.brokerPort()));
        command.add(Integer.toString(settings.controllerPort()));
        command.add(settings.dataDirectory().toAbsolutePath().toString());
        Process process;
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker process", e);
        }
        CountDownLatch ready = new CountDownLatch(1);
        Thread pump = new Thread(() -> pipe(process, logFile, ready), "log-kafka-broker");
        pump.setDaemon(true);
        pump.start();
        KafkaBrokerProcess broker = new KafkaBrokerProcess(settings, process);
        try {
            long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (!ready.await(200, TimeUnit.MILLISECONDS)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    broker.kill();
                    throw new IllegalStateException("the Kafka broker process on " + settings.host() + ":"
                            + settings.brokerPort() + " " + (process.isAlive() ? "was not ready within "
                            + READY_TIMEOUT : "exited with " + process.exitValue()) + "; see " + logFile);
                }
            }
        } catch (InterruptedException e) {
            broker.kill();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the Kafka broker process started", e);
        }
        return broker;
    }

    private static void pipe(Process process, Path logFile, CountDownLatch ready) {
        try (PrintStream log = new PrintStream(Files.newOutputStream(logFile, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND), true, StandardCharsets.UTF_8);
             BufferedReader reader = new BufferedReader(
                     new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                log.println(line);
                if (line.startsWith(KafkaBrokerMain.READY)) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            // the process is gone; its exit is noticed by isAlive()
        }
    }

    public String bootstrapServers() {
        return settings.host() + ":" + settings.brokerPort();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no controlled shutdown, no log flush; the next start recovers the log. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, so the broker shuts down cleanly; SIGKILL if it has not stopped within 30 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
    }
}
