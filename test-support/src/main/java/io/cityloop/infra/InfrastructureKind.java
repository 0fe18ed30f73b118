package io.cityloop.infra;

import java.util.Locale;

/**
 * Which infrastructure integration tests run against. Embedded is the default because it needs nothing installed;
 * containers exist to check, on a machine with Docker, that what passes on the embedded servers also passes on
 * real MongoDB and Kafka (notably native geo queries, which the embedded MongoDB lacks).
 */
public enum InfrastructureKind {
    EMBEDDED,
    CONTAINERS;

    /** System property checked first, so {@code -Dcityloop.it.infrastructure=containers} beats the environment. */
    public static final String PROPERTY = "cityloop.it.infrastructure";
    public static final String ENVIRONMENT_VARIABLE = "CITYLOOP_IT_INFRASTRUCTURE";

    /** The kind chosen by {@link #PROPERTY} or {@link #ENVIRONMENT_VARIABLE}; {@link #EMBEDDED} if neither is set. */
    public static InfrastructureKind selected() {
        String value = System.getProperty(PROPERTY);
        if (isBlank(value)) {
            value = System.getenv(ENVIRONMENT_VARIABLE);
        }
        return isBlank(value) ? EMBEDDED : parse(value);
    }

    public static InfrastructureKind parse(String value) {
        String normalized = value.strip().toLowerCase(Locale.ROOT);
        return switch (normalized) {
            case "embedded" -> EMBEDDED;
            case "containers" -> CONTAINERS;
            default -> throw new IllegalArgumentException("unknown test infrastructure '" + value + "' in "
                    + PROPERTY + " / " + ENVIRONMENT_VARIABLE + "; use 'embedded' or 'containers'");
        };
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
