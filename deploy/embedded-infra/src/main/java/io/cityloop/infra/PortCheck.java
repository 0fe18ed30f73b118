package io.cityloop.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;

/**
 * Probes a port by binding it briefly. Done up front because a broker that fails to bind half-way through its
 * startup leaves threads and locked log directories behind and reports the cause only in its logs.
 */
public final class PortCheck {

    private PortCheck() {
    }

    /**
     * @param purpose what the port is for, e.g. {@code Kafka}
     * @param hint    how to choose another port, e.g. {@code set --kafka-port or KAFKA_PORT}
     * @throws PortInUseException if something already listens on {@code host:port}
     */
    public static void requireFree(String host, int port, String purpose, String hint) {
        Optional<IOException> failure = bindFailure(host, port);
        if (failure.isPresent()) {
            throw new PortInUseException(port, purpose, hint, failure.get());
        }
    }

    public static boolean isFree(String host, int port) {
        return bindFailure(host, port).isEmpty();
    }

    private static Optional<IOException> bindFailure(String host, int port) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("cannot resolve host '" + host + "' to check port " + port);
        }
        try (ServerSocket socket = new ServerSocket()) {
            // Matches what the servers do, so a port that is only in TIME_WAIT after a restart counts as free.
            socket.setReuseAddress(true);
            socket.bind(address);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e);
        }
    }
}
