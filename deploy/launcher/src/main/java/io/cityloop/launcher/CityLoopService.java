package io.cityloop.launcher;

import java.nio.file.Path;

/** The five services, each its own process from its own jar, with its default port and database. */
public enum CityLoopService {

    GATEWAY("gateway", 8080, null),
    CASE_INTAKE("case-intake", 8081, "cityloop-intake"),
    DISPATCH("dispatch", 8082, "cityloop-dispatch"),
    ASSESSMENT("assessment", 8083, "cityloop-assessment"),
    NOTIFICATION("notification", 8084, "cityloop-notification");

    private final String module;
    private final int defaultPort;
    private final String database;

    CityLoopService(String module, int defaultPort, String database) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The service's own MongoDB database, or null for the gateway, which stores nothing. */
    public String database() {
        return database;
    }

    public Path jarIn(Path home) {
        return home.resolve(module).resolve("target").resolve(module + ".jar");
    }

    /** The option and environment variable that move this service's port, e.g. --dispatch-port, DISPATCH_PORT. */
    public String portOption() {
        return "--" + module + "-port";
    }

    public String portVariable() {
        return module.toUpperCase().replace('-', '_') + "_PORT";
    }
}
