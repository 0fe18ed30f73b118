package io.cityloop.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cityloop.launcher.Launcher.PhoneAddress;
import io.cityloop.launcher.Launcher.PhoneAddress.Nic;

/** The banner's phone line: the site-local IPv4 address a phone on the same Wi-Fi reaches this machine at. */
class LauncherTest {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private static Nic nic(int index, String name, boolean up, String... addresses) {
        return new Nic(index, name, name, up, name.startsWith("lo"), false,
                List.of(addresses).stream().map(LauncherTest::ip).toList());
    }

    @Test
    void theFirstUpNonLoopbackInterfacesSiteLocalIpv4AddressIsChosen() {
        List<Nic> nics = List.of(
                nic(3, "wlan0", true, "fe80::1c2b:3dff:fe4e:5f60", "192.168.1.23"),
                nic(1, "lo", true, "127.0.0.1", "::1"),
                nic(2, "eth0", false, "10.0.0.8"),
                nic(4, "eth1", true, "172.20.4.17"));

        assertThat(PhoneAddress.choose(nics)).contains("192.168.1.23");
    }

    @Test
    void containerVirtualMachineAndVpnInterfacesArePassedOver() {
        List<Nic> nics = List.of(
                nic(2, "docker0", true, "172.17.0.1"),
                nic(3, "br-5d1e2f3a4b5c", true, "172.18.0.1"),
                nic(4, "veth9a8b7c6", true, "172.17.0.2"),
                nic(5, "virbr0", true, "192.168.122.1"),
                nic(6, "tun0", true, "10.8.0.6"),
                new Nic(7, "eth2", "VirtualBox Host-Only Ethernet Adapter", true, false, false,
                        List.of(ip("192.168.56.1"))),
                new Nic(8, "wlan0:1", "wlan0:1", true, false, true, List.of(ip("192.168.1.99"))),
                nic(9, "enp3s0", true, "192.168.31.105"));

        assertThat(PhoneAddress.choose(nics)).contains("192.168.31.105");
    }

    @Test
    void publicLinkLocalAndIpv6OnlyAddressesGiveNoLine() {
        List<Nic> nics = List.of(
                nic(1, "lo", true, "127.0.0.1"),
                nic(2, "eth0", true, "203.0.113.10", "169.254.10.20", "2001:db8::10", "fe80::1"));

        assertThat(PhoneAddress.choose(nics)).isEmpty();
        assertThat(PhoneAddress.choose(List.of())).isEmpty();
        assertThat(Launcher.phoneLine(PhoneAddress.choose(nics), 8080)).isEmpty();
    }

    @Test
    void thePhoneLineNamesTheGatewayPortAndTheFieldApp() {
        assertThat(Launcher.phoneLine(Optional.of("192.168.1.23"), 8080))
                .contains("   Phone:    http://192.168.1.23:8080/  (field app 城管通, same Wi-Fi)");
        assertThat(Launcher.phoneLine(Optional.of("10.0.0.8"), 18080).orElseThrow())
                .startsWith("   Phone:    http://10.0.0.8:18080/");
    }

    @Test
    void thisMachineIsAskedWithoutFailing() {
        Optional<String> found = PhoneAddress.find();

        found.ifPresent(address -> assertThat(ip(address).isSiteLocalAddress()).isTrue());
    }
}
