package io.cityloop.infra;

/**
 * Holds the one {@link TestInfrastructure} of this JVM. Stopped by a shutdown hook rather than by a test callback
 * because JUnit has no "after all test classes" hook and Spring's test context cache outlives single classes.
 */
final class SharedTestInfrastructure {

    private static StartedTestInfrastructure instance;

    private SharedTestInfrastructure() {
    }

    static synchronized TestInfrastructure get() {
        if (instance == null) {
            StartedTestInfrastructure started = start(InfrastructureKind.selected());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "cityloop-test-infrastructure-stop"));
            instance = started;
        }
        return instance;
    }

    private static StartedTestInfrastructure start(InfrastructureKind kind) {
        return switch (kind) {
            case EMBEDDED -> EmbeddedTestInfrastructure.start();
            case CONTAINERS -> ContainerTestInfrastructure.start();
        };
    }
}
