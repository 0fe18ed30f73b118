package io.cityloop.dispatch.task.model;

/** Who moved a task: a user in the role they acted in, or a system component such as auto-routing. */
public record Performer(String id, String role) {

    public static final String SYSTEM_ROLE = "system";

    public static Performer system(String component) {
        return new Performer(component, SYSTEM_ROLE);
    }
}
