package io.cityloop.launcher;

import java.util.List;
import java.util.Locale;

/**
 * How the launcher starts each service's JVM. {@code demo} starts fast on a laptop: the C1 compiler only, the serial
 * collector and a small heap (TECH_NOTES: five services healthy in ~17 s instead of ~31 s). {@code production}
 * gives each service the optimising JIT, G1 and a heap sized for a year of a city's cases, for load tests and
 * for a city that runs the embedded mode for real; it starts slower and uses more memory (about 1 GiB a service
 * at most).
 */
public enum JvmProfile {

    DEMO(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Xss512k", "-Dfile.encoding=UTF-8")),
    PRODUCTION(List.of("-XX:+UseG1GC", "-Xms512m", "-Xmx1g", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8"));

    private final List<String> options;

    JvmProfile(List<String> options) {
        this.options = options;
    }

    public List<String> options() {
        return options;
    }

    public static JvmProfile named(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--jvm-profile / CITYLOOP_JVM_PROFILE must be demo or production, was '"
                    + name + "'");
        }
    }
}
