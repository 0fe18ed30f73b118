package io.cityloop.launcher;

import java.nio.file.Files;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the launcher was asked to do. Every option also reads an environment variable, the command line winning:
 * {@code --gateway-port} / {@code GATEWAY_PORT}, {@code --kafka-port} / {@code KAFKA_PORT},
 * {@code --kafka-controller-port} / {@code KAFKA_CONTROLLER_PORT}, {@code --mongo-port} / {@code MONGO_PORT},
 * {@code --data-dir} / {@code CITYLOOP_DATA_DIR}, {@code --in-memory} / {@code CITYLOOP_IN_MEMORY},
 * {@code --no-demo} / {@code CITYLOOP_DEMO=false}, {@code --home} / {@code CITYLOOP_HOME}, and simulation mode with
 * {@code --simulate-from} / {@code CITYLOOP_SIMULATE_FROM} (an ISO instant or offset date-time: business time at
 * start) and {@code --simulate-speed} / {@code CITYLOOP_SIMULATE_SPEED} (business seconds per real second), and
 * {@code --manual-dispatch} / {@code CITYLOOP_MANUAL_DISPATCH=true}: dispatch's automatic routing off, so every filed
 * case waits for a dispatcher (人工派遣), as in a city that dispatches by hand; {@code --jvm-profile demo|production}
 * / {@code CITYLOOP_JVM_PROFILE}: the services' JVM settings ({@link JvmProfile}).
 */
public record LauncherOptions(
        Path home,
        Path dataDirectory,
        boolean inMemory,
        boolean demo,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        Map<CityLoopService, Integer> servicePorts,
        Simulation simulation,
        boolean manualDispatch,
        JvmProfile jvmProfile) {

    /** Automatic routing on, as by default. */
    public LauncherOptions(Path home, Path dataDirectory, boolean inMemory, boolean demo, int kafkaPort,
                           int kafkaControllerPort, int mongoPort, Map<CityLoopService, Integer> servicePorts,
                           Simulation simulation) {
        this(home, dataDirectory, inMemory, demo, kafkaPort, kafkaControllerPort, mongoPort, servicePorts, simulation,
                false, JvmProfile.DEMO);
    }

    /** The same options with every filed case left to a dispatcher, or routed by the rules again. */
    public LauncherOptions withManualDispatch(boolean manual) {
        return new LauncherOptions(home, dataDirectory, inMemory, demo, kafkaPort, kafkaControllerPort, mongoPort,
                servicePorts, simulation, manual, jvmProfile);
    }

    /** The same options with every service's clock simulated from {@code simulation}, or on the real clock (null). */
    public LauncherOptions withSimulation(Simulation simulation) {
        return new LauncherOptions(home, dataDirectory, inMemory, demo, kafkaPort, kafkaControllerPort, mongoPort,
                servicePorts, simulation, manualDispatch, jvmProfile);
    }

    /** The same options with the services' JVMs started with another profile. */
    public LauncherOptions withJvmProfile(JvmProfile profile) {
        return new LauncherOptions(home, dataDirectory, inMemory, demo, kafkaPort, kafkaControllerPort, mongoPort,
                servicePorts, simulation, manualDispatch, profile);
    }

    /** Simulation mode of every service's clock; null runs on the real clock. */
    public record Simulation(Instant start, double speed) {

        public Simulation {
            if (!(speed > 0) || Double.isInfinite(speed)) {
                throw new IllegalArgumentException("--simulate-speed must be a positive number, was " + speed);
            }
        }
    }

    public int port(CityLoopService service) {
        return servicePorts.get(service);
    }

    public static LauncherOptions parse(String[] args, Map<String, String> env) {
        Map<String, String> given = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--in-memory") || arg.equals("--no-demo") || arg.equals("--demo")
                    || arg.equals("--manual-dispatch")) {
                given.put(arg, "true");
            } else if (arg.startsWith("--") && arg.contains("=")) {
                given.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                given.put(arg, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + "; see the README for the options");
            }
        }
        Map<CityLoopService, Integer> ports = new EnumMap<>(CityLoopService.class);
        for (CityLoopService service : CityLoopService.values()) {
            ports.put(service, port(given, env, service.portOption(), service.portVariable(), service.defaultPort()));
        }
        boolean noDemo = given.containsKey("--no-demo")
                || "false".equalsIgnoreCase(env.getOrDefault("CITYLOOP_DEMO", "true"));
        return new LauncherOptions(
                Path.of(value(given, env, "--home", "CITYLOOP_HOME", detectHome().toString())).toAbsolutePath(),
                Path.of(value(given, env, "--data-dir", "CITYLOOP_DATA_DIR", ".cityloop-data")).toAbsolutePath(),
                given.containsKey("--in-memory") || "true".equalsIgnoreCase(env.get("CITYLOOP_IN_MEMORY")),
                !noDemo,
                port(given, env, "--kafka-port", "KAFKA_PORT", 9092),
                port(given, env, "--kafka-controller-port", "KAFKA_CONTROLLER_PORT", 9093),
                port(given, env, "--mongo-port", "MONGO_PORT", 27017),
                ports,
                simulation(given, env),
                given.containsKey("--manual-dispatch") || "true".equalsIgnoreCase(env.get("CITYLOOP_MANUAL_DISPATCH")),
                JvmProfile.named(value(given, env, "--jvm-profile", "CITYLOOP_JVM_PROFILE", "demo")));
    }

    private static Simulation simulation(Map<String, String> given, Map<String, String> env) {
        String from = value(given, env, "--simulate-from", "CITYLOOP_SIMULATE_FROM", "");
        String speed = value(given, env, "--simulate-speed", "CITYLOOP_SIMULATE_SPEED", "");
        if (from.isBlank()) {
            if (!speed.isBlank()) {
                throw new IllegalArgumentException("--simulate-speed needs --simulate-from, the business time to start at");
            }
            return null;
        }
        Instant start;
        try {
            start = from.endsWith("Z") ? Instant.parse(from) : OffsetDateTime.parse(from).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--simulate-from / CITYLOOP_SIMULATE_FROM must be like "
                    + "2026-11-02T08:30:00+08:00, was '" + from + "'");
        }
        try {
            return new Simulation(start, speed.isBlank() ? 60 : Double.parseDouble(speed));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--simulate-speed / CITYLOOP_SIMULATE_SPEED must be a number, was '"
                    + speed + "'");
        }
    }

    private static String value(Map<String, String> given, Map<String, String> env, String option, String variable,
                                String fallback) {
        String fromArgs = given.get(option);
        if (fromArgs != null) {
            return fromArgs;
        }
        String fromEnv = env.get(variable);
        return fromEnv == null || fromEnv.isBlank() ? fallback : fromEnv;
    }

    private static int port(Map<String, String> given, Map<String, String> env, String option, String variable,
                            int fallback) {
        String raw = value(given, env, option, variable, Integer.toString(fallback));
        try {
            int port = Integer.parseInt(raw.trim());
            if (port < 1 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " / " + variable + " must be a port number, was '" + raw + "'");
        }
    }

    /** The checkout the launcher was built in: the jar sits at deploy/launcher/target/. */
    static Path detectHome() {
        try {
            Path location = Path.of(LauncherOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = location; dir != null; dir = dir.getParent()) {
                if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("case-intake"))) {
                    return dir;
                }
            }
        } catch (Exception e) {
            // fall through to the working directory
        }
        return Path.of("").toAbsolutePath();
    }
}
