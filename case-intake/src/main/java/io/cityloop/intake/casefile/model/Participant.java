package io.cityloop.intake.casefile.model;

/** Who acted: a user and the role they acted in, or a system component ({@code role = system}). */
public record Participant(String id, String role) {

    public static Participant system(String component) {
        return new Participant(component, "system");
    }
}
