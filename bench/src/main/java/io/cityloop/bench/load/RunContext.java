package io.cityloop.bench.load;

import io.cityloop.bench.city.CaseLedger;
import io.cityloop.bench.city.CityTraffic;
import io.cityloop.bench.measure.LoadLevels;

/**
 * What the Gatling simulation needs from the run that started it. Gatling instantiates the simulation class itself,
 * in this JVM, so the run hands it over here before starting Gatling.
 */
public record RunContext(String gatewayUrl, String inspectorToken, CityTraffic traffic, CaseLedger ledger,
                         double reportsPerSecond, long loadSeconds, LoadLevels levels) {

    private static volatile RunContext current;

    public static void set(RunContext context) {
        current = context;
    }

    static RunContext get() {
        if (current == null) {
            throw new IllegalStateException("the bench sets a RunContext before it starts Gatling");
        }
        return current;
    }
}
