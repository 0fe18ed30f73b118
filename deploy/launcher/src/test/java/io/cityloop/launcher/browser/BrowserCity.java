package io.cityloop.launcher.browser;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.cityloop.launcher.CityLoopSystem;
import io.cityloop.launcher.GatewayClient;
import io.cityloop.launcher.LauncherOptions;
import io.cityloop.launcher.TestCities;

/**
 * The whole system, started once for every browser test class by the launcher's own code (embedded Kafka and
 * MongoDB, the five service jars as processes, automatic routing off), and stopped when the test run ends.
 * Without Chromium every
 * browser test is skipped with one line saying how to install it.
 */
final class BrowserCity implements BeforeAllCallback {

    private static Running running;

    static String url() {
        return running.system.gatewayUrl();
    }

    static GatewayClient api() {
        return running.client;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!Chromium.available()) {
            System.out.println("[cityloop] " + Chromium.HOW_TO_INSTALL);
        }
        Assumptions.assumeTrue(Chromium.available(), Chromium.HOW_TO_INSTALL);
        synchronized (BrowserCity.class) {
            if (running == null) {
                running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .computeIfAbsent(Running.class, key -> Running.start(), Running.class);
            }
        }
    }

    /** Closed by JUnit when the root context ends, i.e. after the last test class. */
    static final class Running implements AutoCloseable {

        private final CityLoopSystem system;
        private final GatewayClient client;

        private Running(CityLoopSystem system) {
            this.system = system;
            this.client = new GatewayClient(system.gatewayUrl());
        }

        static Running start() {
            try {
                // Dispatched by hand, as many cities do: the dispatcher's desk has parked cases to send out.
                LauncherOptions options = TestCities.options("cityloop-browser").withManualDispatch(true);
                return new Running(CityLoopSystem.start(options, null, Duration.ofMinutes(5)));
            } catch (IOException e) {
                throw new IllegalStateException("the system did not start for the browser tests", e);
            }
        }

        @Override
        public void close() {
            system.close();
        }
    }
}
