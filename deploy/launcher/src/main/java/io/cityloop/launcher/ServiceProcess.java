package io.cityloop.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service running as its own operating-system process. Its output is streamed line by line with a prefix
 * ({@code [dispatch] …}) and written to a log file; the last lines are kept to explain a failed start.
 */
final class ServiceProcess {

    private static final int KEPT_LINES = 60;

    private final CityLoopService service;
    private final int port;
    private final Process process;
    private final Deque<String> lastLines = new ArrayDeque<>();

    private ServiceProcess(CityLoopService service, int port, Process process) {
        this.service = service;
        this.port = port;
        this.process = process;
    }

    static ServiceProcess start(CityLoopService service, int port, Path jar, List<String> jvmOptions,
                                Map<String, String> environment, List<String> arguments, Path logFile,
                                PrintStream console) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw -DskipTests package");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        ServiceProcess started = new ServiceProcess(service, port, builder.start());
        started.pipeOutput(logFile, console);
        return started;
    }

    CityLoopService service() {
        return service;
    }

    int port() {
        return port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL, as a crashing machine or the OOM killer would: no shutdown hook, no flush, no consumer leave. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized List<String> lastLines() {
        return List.copyOf(lastLines);
    }

    /** SIGTERM first so Spring closes consumers and the outbox relay; kill only if it does not stop in time. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void pipeOutput(Path logFile, PrintStream console) throws IOException {
        Files.createDirectories(logFile.getParent());
        // Appended, so that the log of a service restarted by a drill keeps what it wrote before the crash.
        PrintStream log = new PrintStream(Files.newOutputStream(logFile, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND), true, StandardCharsets.UTF_8);
        String prefix = "[%-12s] ".formatted(service.module());
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    log.println(line);
                    remember(line);
                    if (console != null) {
                        console.println(prefix + line);
                    }
                }
            } catch (IOException e) {
                remember("(output closed: " + e.getMessage() + ")");
            } finally {
                log.close();
            }
        }, "log-" + service.module());
        pump.setDaemon(true);
        pump.start();
    }

    private synchronized void remember(String line) {
        if (lastLines.size() == KEPT_LINES) {
            lastLines.removeFirst();
        }
        lastLines.addLast(line);
    }
}
