package io.cityloop.infra;

/**
 * Thrown before a server starts on a taken port, so the operator reads which setting to change instead of a
 * {@link java.net.BindException} deep inside Kafka's or Netty's startup.
 */
public class PortInUseException extends RuntimeException {

    private final int port;
    private final String purpose;

    public PortInUseException(int port, String purpose, String hint, Throwable cause) {
        super("port " + port + " (" + purpose + ") is already in use; " + hint, cause);
        this.port = port;
        this.purpose = purpose;
    }

    public int port() {
        return port;
    }

    public String purpose() {
        return purpose;
    }
}
