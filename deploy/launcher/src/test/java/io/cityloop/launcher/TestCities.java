package io.cityloop.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import io.cityloop.infra.FreePorts;

/** The options of a whole city for a test: free ports, MongoDB in memory, no demo data, this checkout's jars. */
public final class TestCities {

    private TestCities() {
    }

    public static LauncherOptions options(String name) throws IOException {
        int[] ports = FreePorts.next(8);
        Map<CityLoopService, Integer> servicePorts = new EnumMap<>(CityLoopService.class);
        CityLoopService[] services = CityLoopService.values();
        for (int i = 0; i < services.length; i++) {
            servicePorts.put(services[i], ports[i]);
        }
        Path home = Path.of(System.getProperty("cityloop.home", "../..")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory(name);
        return new LauncherOptions(home, data, true, false, ports[5], ports[6], ports[7], servicePorts, null);
    }
}
