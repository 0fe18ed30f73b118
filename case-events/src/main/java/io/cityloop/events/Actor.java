package io.cityloop.events;

/**
 * Who caused a transition: a user id and the role it acted in, or {@code system} for automatic steps
 * such as auto-routing and closing on a passed verification.
 */
public record Actor(String id, String role) {

    public static final String SYSTEM_ROLE = "system";

    public static Actor system(String component) {
        return new Actor(component, SYSTEM_ROLE);
    }
}
