package io.cityloop.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
        phoneLine(PhoneAddress.find(), system.options().port(CityLoopService.GATEWAY)).ifPresent(out::println);
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

    /** The banner's line for a phone on the same network, when this machine has an address such a phone reaches. */
    static Optional<String> phoneLine(Optional<String> address, int gatewayPort) {
        return address.map(host -> "   Phone:    http://" + host + ":" + gatewayPort
                + "/  (field app 城管通, same Wi-Fi)");
    }

    /**
     * The address a phone on the same Wi-Fi reaches this machine at: the first (by interface index) up,
     * non-loopback interface's site-local IPv4 address (10/8, 172.16/12, 192.168/16), skipping the bridges and
     * tunnels of containers, virtual machines and VPNs, whose addresses a phone cannot reach.
     */
    static final class PhoneAddress {

        private static final List<String> VIRTUAL_NAMES = List.of("docker", "br-", "veth", "virbr", "vmnet",
                "vboxnet", "vnet", "lxc", "lxd", "podman", "cni", "flannel", "cali", "weave", "kube", "tun", "tap",
                "wg", "utun", "zt", "tailscale", "ham");
        private static final List<String> VIRTUAL_DESCRIPTIONS = List.of("virtual", "hyper-v", "vmware",
                "virtualbox", "docker", "wsl", "tap-windows", "wireguard", "tunnel", "vpn");

        private PhoneAddress() {
        }

        /** A network interface as far as the choice is concerned. */
        record Nic(int index, String name, String description, boolean up, boolean loopback, boolean virtual,
                   List<InetAddress> addresses) {
        }

        /** This machine's address for phones, or empty when it has none (or the interfaces cannot be read). */
        static Optional<String> find() {
            try {
                List<Nic> nics = new ArrayList<>();
                for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
                    nics.add(new Nic(nic.getIndex(), nic.getName(), nic.getDisplayName(), nic.isUp(),
                            nic.isLoopback(), nic.isVirtual(), nic.inetAddresses().toList()));
                }
                return choose(nics);
            } catch (SocketException | RuntimeException e) {
                return Optional.empty();
            }
        }

        static Optional<String> choose(List<Nic> nics) {
            return nics.stream().sorted(Comparator.comparingInt(Nic::index))
                    .filter(nic -> nic.up() && !nic.loopback() && !nic.virtual() && !looksVirtual(nic))
                    .flatMap(nic -> nic.addresses().stream())
                    .filter(address -> address instanceof Inet4Address && address.isSiteLocalAddress()
                            && !address.isLoopbackAddress())
                    .map(InetAddress::getHostAddress)
                    .findFirst();
        }

        private static boolean looksVirtual(Nic nic) {
            String name = nic.name() == null ? "" : nic.name().toLowerCase(Locale.ROOT);
            String description = nic.description() == null ? "" : nic.description().toLowerCase(Locale.ROOT);
            return VIRTUAL_NAMES.stream().anyMatch(name::startsWith)
                    || VIRTUAL_DESCRIPTIONS.stream().anyMatch(description::contains);
        }
    }
}
