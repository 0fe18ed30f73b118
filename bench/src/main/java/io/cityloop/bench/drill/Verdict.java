package io.cityloop.bench.drill;

import java.util.List;

/** One drill's outcome: passed or not, and the findings that decided it. */
public record Verdict(String drill, boolean passed, long casesInFlight, long casesLost, long duplicates,
                      List<String> findings) {

    public static Verdict notRun(String drill, String why) {
        return new Verdict(drill, false, 0, 0, 0, List.of("NOT RUN: " + why));
    }

    public boolean run() {
        return findings.isEmpty() || !findings.get(0).startsWith("NOT RUN");
    }
}
