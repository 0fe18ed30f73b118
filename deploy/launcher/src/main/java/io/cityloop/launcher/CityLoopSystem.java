package io.cityloop.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cityloop.infra.EmbeddedInfrastructure;
import io.cityloop.infra.InfrastructureSettings;
import io.cityloop.infra.PortCheck;

/**
 * The whole system on one machine: the embedded Kafka broker and MongoDB server in this process, the five services
 * as child processes pointed at them. Closing it stops the services first, then the infrastructure they use.
 */
public final class CityLoopSystem implements AutoCloseable {

    private final LauncherOptions options;
    private final EmbeddedInfrastructure infrastructure;
    private final List<ServiceProcess> services;
    private PrintStream console;
    private boolean closed;
    /** The real instant at which every service's simulated clock reads the simulation's start. */
    private final Instant simulationAnchor = Clock.systemUTC().instant();

    private CityLoopSystem(LauncherOptions options, EmbeddedInfrastructure infrastructure,
                           List<ServiceProcess> services) {
        this.options = options;
        this.infrastructure = infrastructure;
        this.services = services;
    }

    /**
     * Starts everything and returns once every service reports UP.
     *
     * @param console where service output is streamed with a prefix, or null to keep it in the log files only
     */
    public static CityLoopSystem start(LauncherOptions options, PrintStream console, Duration startTimeout)
            throws IOException {
        return start(options, console, startTimeout, false);
    }

    /**
     * Like {@link #start(LauncherOptions, PrintStream, Duration)}; with {@code brokerInOwnProcess} the Kafka broker
     * runs as its own process (same {@code java} and class path, log {@code logs/kafka-broker.log}), so that a
     * drill can {@linkplain #killBroker() kill} it and {@linkplain #startBroker() start} it again. Needs a plain
     * class path holding embedded-infra and the Kafka server jars (Maven, the bench), not the launcher's exec jar.
     */
    public static CityLoopSystem start(LauncherOptions options, PrintStream console, Duration startTimeout,
                                       boolean brokerInOwnProcess) throws IOException {
        for (CityLoopService service : CityLoopService.values()) {
            PortCheck.requireFree("localhost", options.port(service), service.module(),
                    "set " + service.portOption() + " or " + service.portVariable());
        }
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(new InfrastructureSettings("localhost",
                options.kafkaPort(), options.kafkaControllerPort(), options.mongoPort(), options.dataDirectory(),
                options.inMemory()), brokerInOwnProcess
                ? options.dataDirectory().resolve("logs").resolve("kafka-broker.log") : null);
        CityLoopSystem system = new CityLoopSystem(options, infrastructure, new ArrayList<>());
        system.console = console;
        try {
            for (CityLoopService service : CityLoopService.values()) {
                system.services.add(system.launch(service, console));
            }
            system.awaitHealthy(system.services, startTimeout);
            return system;
        } catch (RuntimeException | IOException e) {
            system.close();
            throw e;
        }
    }

    public String gatewayUrl() {
        return "http://localhost:" + options.port(CityLoopService.GATEWAY);
    }

    public LauncherOptions options() {
        return options;
    }

    public Path logDirectory() {
        return options.dataDirectory().resolve("logs");
    }

    /** {@code host:port} of the embedded broker, for tools that watch the topic (lag, audits, baselines). */
    public String bootstrapServers() {
        return infrastructure.bootstrapServers();
    }

    /** {@code mongodb://host:port/database} of the embedded MongoDB server. */
    public String mongoUri(String database) {
        return infrastructure.mongoUri(database);
    }

    /** Where the embedded MongoDB's secondary indexes disagree with their documents; empty when exact. */
    public java.util.List<String> indexInconsistencies() {
        return infrastructure.indexInconsistencies();
    }

    /** The embedded MongoDB's query guard: its mode, what the queries read, the breaches (bench, tests). */
    public io.cityloop.infra.QueryGuard queryGuard() {
        return infrastructure.queryGuard();
    }

    /** The real instant at which the simulated business clock reads {@link LauncherOptions.Simulation#start()}. */
    public Instant simulationAnchor() {
        return simulationAnchor;
    }

    /** {@code kill -9} of the broker process; only when started with the broker in its own process. */
    public void killBroker() {
        infrastructure.killBroker();
    }

    /** Starts the killed broker process again on the same ports and log directory; returns once it takes writes. */
    public void startBroker() {
        infrastructure.startBroker();
    }

    /** The broker's process id, when it runs as its own process and is alive. */
    public java.util.OptionalLong brokerPid() {
        return infrastructure.brokerPid();
    }

    /** Closes the MongoDB server (clients get connection refused); its H2 file is kept unless in memory. */
    public void stopMongo() {
        infrastructure.stopMongo();
    }

    /** Starts MongoDB again on the same port and data; in memory, the data is gone. */
    public void startMongo() {
        infrastructure.startMongo();
    }

    /** The operating-system process id of a running service. */
    public long pid(CityLoopService service) {
        return process(service).pid();
    }

    public boolean isAlive(CityLoopService service) {
        return process(service).isAlive();
    }

    /** Kills a service with SIGKILL ({@code kill -9}), for the reliability drills; {@link #restart} brings it back. */
    public void kill(CityLoopService service) {
        process(service).kill();
    }

    /** Stops a service cleanly (SIGTERM), e.g. before its database is reset. */
    public void stop(CityLoopService service) {
        process(service).stop();
    }

    /** Starts a stopped or killed service again with the same settings and returns once it reports UP. */
    public synchronized void restart(CityLoopService service, Duration timeout) throws IOException {
        if (closed) {
            throw new IllegalStateException("the system is closed; " + service.module() + " stays down");
        }
        ServiceProcess old = process(service);
        if (old.isAlive()) {
            old.stop();
        }
        ServiceProcess fresh = launch(service, console);
        services.set(services.indexOf(old), fresh);
        awaitHealthy(List.of(fresh), timeout);
    }

    private synchronized ServiceProcess process(CityLoopService service) {
        for (ServiceProcess process : services) {
            if (process.service() == service) {
                return process;
            }
        }
        throw new IllegalArgumentException(service + " is not running in this system");
    }

    /**
     * The secret the gateway sends the services in X-CityLoop-Edge (they believe its X-CityLoop-Client only with
     * it); made afresh for every launch and known only to the processes started here.
     */
    private final String edgeSecret = newEdgeSecret();

    private static String newEdgeSecret() {
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    /**
     * The backends listen on loopback only, so nothing reaches them around the gateway; {@code CITYLOOP_BIND_ADDRESS}
     * (e.g. {@code 0.0.0.0}) tells them otherwise. The gateway listens on every interface (phones on the Wi-Fi).
     */
    private static String backendBindAddress() {
        String configured = System.getenv("CITYLOOP_BIND_ADDRESS");
        return configured == null || configured.isBlank() ? "127.0.0.1" : configured.strip();
    }

    private ServiceProcess launch(CityLoopService service, PrintStream console) throws IOException {
        Map<String, String> environment = new HashMap<>();
        environment.put("SERVER_PORT", Integer.toString(options.port(service)));
        environment.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.bootstrapServers());
        environment.put("CITYLOOP_JWK_SET_URI", gatewayUrl() + "/oauth2/jwks");
        // Every service requires the gateway's issuer (and the audience cityloop) of every token.
        environment.put("CITYLOOP_AUTH_ISSUER", gatewayUrl());
        environment.put("CITYLOOP_EDGE_SECRET", edgeSecret);
        if (service != CityLoopService.GATEWAY) {
            environment.put("SERVER_ADDRESS", backendBindAddress());
        }
        if (service.database() != null) {
            environment.put("MONGODB_URI", infrastructure.mongoUri(service.database()));
            environment.put("CITYLOOP_MONGO_VERSIONED_UPDATE_INDEX", "true");
        }
        if (service == CityLoopService.DISPATCH && options.manualDispatch()) {
            environment.put("CITYLOOP_AUTO_ROUTING", "false");
        }
        if (options.simulation() != null) {
            environment.put("CITYLOOP_CLOCK_MODE", "simulated");
            environment.put("CITYLOOP_CLOCK_START", options.simulation().start().toString());
            environment.put("CITYLOOP_CLOCK_ANCHOR", simulationAnchor.toString());
            environment.put("CITYLOOP_CLOCK_SPEED", Double.toString(options.simulation().speed()));
        }
        List<String> arguments = new ArrayList<>();
        if (service == CityLoopService.GATEWAY) {
            Map<CityLoopService, String> routes = new EnumMap<>(CityLoopService.class);
            routes.put(CityLoopService.CASE_INTAKE, "CASE_INTAKE_URI");
            routes.put(CityLoopService.DISPATCH, "DISPATCH_URI");
            routes.put(CityLoopService.ASSESSMENT, "ASSESSMENT_URI");
            routes.put(CityLoopService.NOTIFICATION, "NOTIFICATION_URI");
            String backendHost = "0.0.0.0".equals(backendBindAddress()) || "::".equals(backendBindAddress())
                    ? "127.0.0.1" : backendBindAddress();
            routes.forEach((target, variable) ->
                    environment.put(variable, "http://" + backendHost + ":" + options.port(target)));
            if (!options.inMemory()) {
                arguments.add("--cityloop.auth.key-file=" + options.dataDirectory().resolve("gateway-signing-key.json"));
            }
        }
        return ServiceProcess.start(service, options.port(service), service.jarIn(options.home()),
                jvmOptions(service), environment, arguments,
                logDirectory().resolve(service.module() + ".log"),
                console);
    }

    /**
     * The profile's JVM options, then those of {@value #EXTRA_JVM_OPTIONS} (space-separated, {@code {service}}
     * replaced by the module's name): how the bench records each service with JFR.
     */
    private List<String> jvmOptions(CityLoopService service) {
        List<String> jvm = new ArrayList<>(options.jvmProfile().options());
        for (String option : System.getProperty(EXTRA_JVM_OPTIONS, "").trim().split("\\s+")) {
            if (!option.isBlank()) {
                jvm.add(option.replace("{service}", service.module()));
            }
        }
        return jvm;
    }

    /** System property: JVM options added to every service's, after the profile's. */
    public static final String EXTRA_JVM_OPTIONS = "cityloop.service-jvm-options";

    private void awaitHealthy(List<ServiceProcess> starting, Duration timeout) {
        HealthProbe probe = new HealthProbe();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(starting);
        while (!waiting.isEmpty()) {
            for (ServiceProcess process : List.copyOf(waiting)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(failure(process, "exited during start"));
                }
                if (probe.isUp(process.port())) {
                    waiting.remove(process);
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(failure(waiting.get(0), "was not healthy within " + timeout));
            }
            pause();
        }
    }

    private String failure(ServiceProcess process, String what) {
        return process.service().module() + " " + what + " (log: "
                + logDirectory().resolve(process.service().module() + ".log") + "); last lines:\n  "
                + String.join("\n  ", process.lastLines());
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the services", e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        services.parallelStream().forEach(ServiceProcess::stop);
        infrastructure.close();
    }
}
