package io.cityloop.intake.web;

import jakarta.servlet.http.HttpServletRequest;

/** The citizen behind an anonymous request, for the hourly report limit. */
public final class ClientAddress {

    /**
     * Set by the gateway to the caller it saw, replacing whatever the caller sent; the services are reached only
     * through the gateway, so this is the one address a caller cannot choose.
     */
    public static final String HEADER = "X-CityLoop-Client";

    private ClientAddress() {
    }

    public static String of(HttpServletRequest http) {
        String client = http.getHeader(HEADER);
        if (client != null && !client.isBlank()) {
            return client.trim();
        }
        return http.getRemoteAddr();
    }
}
