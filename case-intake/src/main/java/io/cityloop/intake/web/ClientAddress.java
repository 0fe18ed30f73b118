package io.cityloop.intake.web;

import jakarta.servlet.http.HttpServletRequest;

/** The citizen behind an anonymous request, for the hourly report limit. */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** The gateway appends the caller to X-Forwarded-For; the first hop is the citizen's address. */
    public static String of(HttpServletRequest http) {
        String forwarded = http.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].trim();
        }
        return http.getRemoteAddr();
    }
}
