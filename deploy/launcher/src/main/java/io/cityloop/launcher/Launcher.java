package io.cityloop.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.cityloop.infra.PortInUseException;

/**
 * {@code java -jar deploy/launcher/target/cityloop-launcher-exec.jar}: the whole system on the embedded default, demo data
 * on first start, the console URL and demo accounts printed, everything stopped cleanly on Ctrl-C.
 */
public final class Launcher {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("cityloop: " + e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(options.dataDirectory());
        Path seededMarker = options.dataDirectory().resolve("demo-seeded");
        boolean fresh = options.inMemory() || !Files.exists(seededMarker);

        out.println("CityLoop: starting Kafka, MongoDB and five services (data: "
                + (options.inMemory() ? "in memory" : options.dataDirectory()) + ") …");
        CityLoopSystem system;
        try {
            system = CityLoopSystem.start(options, out, START_TIMEOUT);
        } catch (PortInUseException | IllegalStateException e) {
            System.err.println("cityloop: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("CityLoop: stopping …");
            system.close();
            stopped.countDown();
        }, "cityloop-shutdown"));

        if (options.demo() && fresh) {
            seedDemo(system, seededMarker, options.inMemory(), out);
        }
        printWelcome(system, out);
        stopped.await();
    }

    private static void seedDemo(CityLoopSystem system, Path marker, boolean inMemory, PrintStream out)
            throws IOException {
        try {
            new DemoSeeder(new GatewayClient(system.gatewayUrl()), out).seed();
            if (!inMemory) {
                Files.writeString(marker, "seeded\n");
            }
        } catch (RuntimeException e) {
            out.println("CityLoop: demo data could not be loaded (" + e.getMessage() + "); the system runs without it.");
        }
    }

    private static void printWelcome(CityLoopSystem system, PrintStream out) {
        String url = system.gatewayUrl();
        out.println();
        out.println("================================================================================");
        out.println(" CityLoop 数字城管 is running");
        out.println("   Console:  " + url + "/");
        out.println("   API:      " + url + "/api  (token: POST " + url + "/api/auth/token)");
        out.println("   Logs:     " + system.logDirectory());
        if (system.options().simulation() != null) {
            out.println("   Clock:    simulated from " + system.options().simulation().start() + " at "
                    + system.options().simulation().speed() + "× real time");
        }
        out.println(" Demo accounts (password: " + GatewayClient.DEMO_PASSWORD + "):");
        out.println("   inspector 监督员   operator 受理员   shiftlead 值班长   dispatcher 派遣员");
        out.println("   supervisor 领导    admin 管理员");
        out.println("   dept-01 … dept-21  (e.g. dept-16 市水务集团)   district-610402 秦都区 … district-610482 彬州市");
        out.println(" Press Ctrl-C to stop.");
        out.println("================================================================================");
    }
}
