package io.cityloop.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void namesThePurposeAndTheSettingWhenThePortIsTaken() throws IOException {
        try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
            int port = occupied.getLocalPort();

            assertThatThrownBy(() -> PortCheck.requireFree("localhost", port, "Kafka", "set --kafka-port or KAFKA_PORT"))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage("port " + port + " (Kafka) is already in use; set --kafka-port or KAFKA_PORT")
                    .satisfies(e -> {
                        PortInUseException clash = (PortInUseException) e;
                        assertThat(clash.port()).isEqualTo(port);
                        assertThat(clash.purpose()).isEqualTo("Kafka");
                    });
            assertThat(PortCheck.isFree("localhost", port)).isFalse();
        }
    }

    @Test
    void acceptsAFreePort() {
        int port = FreePorts.next();

        assertThatCode(() -> PortCheck.requireFree("localhost", port, "MongoDB", "set --mongo-port"))
                .doesNotThrowAnyException();
        assertThat(PortCheck.isFree("localhost", port)).isTrue();
    }

    @Test
    void rejectsAnUnresolvableHostInsteadOfCallingThePortTaken() {
        assertThatThrownBy(() -> PortCheck.isFree("no-such-host.invalid", 9092))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-host.invalid");
    }

    @Test
    void freePortsOfOneCallAreDistinct() {
        assertThat(FreePorts.next(5)).doesNotHaveDuplicates().doesNotContain(0);
    }
}
