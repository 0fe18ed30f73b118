package io.cityloop.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    @Test
    void defaultsAreTheDocumentedPorts() {
        LauncherOptions options = LauncherOptions.parse(new String[0], Map.of());

        assertThat(options.port(CityLoopService.GATEWAY)).isEqualTo(8080);
        assertThat(options.port(CityLoopService.NOTIFICATION)).isEqualTo(8084);
        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.mongoPort()).isEqualTo(27017);
        assertThat(options.demo()).isTrue();
        assertThat(options.inMemory()).isFalse();
        assertThat(options.simulation()).isNull();
        assertThat(options.dataDirectory().getFileName().toString()).isEqualTo(".cityloop-data");
    }

    @Test
    void theCommandLineWinsOverTheEnvironment() {
        LauncherOptions options = LauncherOptions.parse(
                new String[] {"--gateway-port", "18080", "--dispatch-port=18082", "--in-memory", "--no-demo"},
                Map.of("GATEWAY_PORT", "28080", "KAFKA_PORT", "29092", "CITYLOOP_DATA_DIR", "/tmp/city"));

        assertThat(options.port(CityLoopService.GATEWAY)).isEqualTo(18080);
        assertThat(options.port(CityLoopService.DISPATCH)).isEqualTo(18082);
        assertThat(options.kafkaPort()).isEqualTo(29092);
        assertThat(options.dataDirectory().toString()).isEqualTo("/tmp/city");
        assertThat(options.inMemory()).isTrue();
        assertThat(options.demo()).isFalse();
    }

    @Test
    void simulationModeTakesAStartAndASpeed() {
        LauncherOptions options = LauncherOptions.parse(
                new String[] {"--simulate-from", "2026-11-02T08:30:00+08:00", "--simulate-speed", "720"}, Map.of());

        assertThat(options.simulation().start()).isEqualTo(Instant.parse("2026-11-02T00:30:00Z"));
        assertThat(options.simulation().speed()).isEqualTo(720.0);
    }

    @Test
    void aSimulationCanBeAddedToOptionsAndTheOtherChoicesStay() {
        LauncherOptions manual = LauncherOptions.parse(new String[] {"--manual-dispatch", "--gateway-port", "18080"},
                Map.of());
        LauncherOptions.Simulation endOfNovember = new LauncherOptions.Simulation(
                Instant.parse("2026-11-27T04:00:00Z"), 1512);

        LauncherOptions simulated = manual.withSimulation(endOfNovember);

        assertThat(simulated.simulation()).isEqualTo(endOfNovember);
        assertThat(simulated.manualDispatch()).isTrue();
        assertThat(simulated.port(CityLoopService.GATEWAY)).isEqualTo(18080);
        assertThat(simulated.withSimulation(null).simulation()).isNull();
    }

    @Test
    void manualDispatchIsOffUnlessAskedFor() {
        assertThat(LauncherOptions.parse(new String[0], Map.of()).manualDispatch()).isFalse();
        assertThat(LauncherOptions.parse(new String[] {"--manual-dispatch"}, Map.of()).manualDispatch()).isTrue();
        assertThat(LauncherOptions.parse(new String[0], Map.of("CITYLOOP_MANUAL_DISPATCH", "true")).manualDispatch())
                .isTrue();
    }

    @Test
    void theServicesStartWithTheDemoFlagsUnlessTheProductionProfileIsAsked() {
        assertThat(LauncherOptions.parse(new String[0], Map.of()).jvmProfile().options())
                .contains("-XX:TieredStopAtLevel=1", "-Xmx256m");
        assertThat(LauncherOptions.parse(new String[] {"--jvm-profile", "production"}, Map.of()).jvmProfile().options())
                .contains("-XX:+UseG1GC", "-Xmx1g").doesNotContain("-XX:TieredStopAtLevel=1");
        assertThat(LauncherOptions.parse(new String[0], Map.of("CITYLOOP_JVM_PROFILE", "PRODUCTION")).jvmProfile())
                .isEqualTo(JvmProfile.PRODUCTION);
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--jvm-profile", "turbo"}, Map.of()))
                .hasMessageContaining("demo or production");
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--mongo-port", "seventy"}, Map.of()))
                .hasMessageContaining("--mongo-port").hasMessageContaining("MONGO_PORT");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[0], Map.of("CASE_INTAKE_PORT", "70000")))
                .hasMessageContaining("--case-intake-port");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--simulate-speed", "10"}, Map.of()))
                .hasMessageContaining("--simulate-from");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--simulate-from", "yesterday"}, Map.of()))
                .hasMessageContaining("2026-11-02T08:30:00+08:00");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"stray"}, Map.of()))
                .hasMessageContaining("stray");
    }
}
