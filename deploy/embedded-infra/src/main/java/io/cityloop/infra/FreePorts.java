package io.cityloop.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the operating system for ephemeral ports. Needed because the KRaft controller address must be known
 * before the broker starts (it is part of the quorum configuration), so "bind to port 0" is not an option.
 * All sockets are held open until every port is chosen, so the ports of one call are distinct.
 */
public final class FreePorts {

    private FreePorts() {
    }

    public static int next() {
        return next(1)[0];
    }

    public static int[] next(int count) {
        List<ServerSocket> sockets = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not obtain " + count + " free port(s) from the OS", e);
        } finally {
            sockets.forEach(FreePorts::closeQuietly);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // The port was only borrowed to learn its number; nothing depends on closing it cleanly.
        }
    }
}
