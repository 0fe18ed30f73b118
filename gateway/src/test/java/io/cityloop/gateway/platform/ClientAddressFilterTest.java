package io.cityloop.gateway.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressFilterTest {

    private static final InetSocketAddress CITIZEN = new InetSocketAddress("203.0.113.7", 51123);
    private static final InetSocketAddress LOAD_BALANCER = new InetSocketAddress("10.0.0.5", 40000);

    @Test
    void withoutTrustedProxiesTheCallerIsThePeerWhateverItClaims() {
        ClientAddressFilter filter = new ClientAddressFilter("");

        assertThat(filter.clientOf(CITIZEN, List.of("198.51.100.1"))).isEqualTo("203.0.113.7");
        assertThat(filter.clientOf(CITIZEN, null)).isEqualTo("203.0.113.7");
    }

    @Test
    void behindATrustedProxyTheCallerIsTheRightMostUntrustedHop() {
        ClientAddressFilter filter = new ClientAddressFilter("10\\..*");

        assertThat(filter.clientOf(LOAD_BALANCER, List.of("198.51.100.1, 203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(filter.clientOf(LOAD_BALANCER, List.of("203.0.113.7", "10.0.0.9"))).isEqualTo("203.0.113.7");
    }

    @Test
    void anUntrustedPeerCannotNameAnotherCaller() {
        ClientAddressFilter filter = new ClientAddressFilter("10\\..*");

        assertThat(filter.clientOf(CITIZEN, List.of("198.51.100.1"))).isEqualTo("203.0.113.7");
    }
}
