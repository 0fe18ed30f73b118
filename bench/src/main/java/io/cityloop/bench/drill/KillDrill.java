package io.cityloop.bench.drill;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import io.cityloop.launcher.CityLoopService;
import io.cityloop.launcher.CityLoopSystem;

/**
 * kill -9 (SIGKILL) each backend service in turn in the middle of the load, then start it again. Runs beside the
 * load on its own thread; the verdict is decided at the end of the run from the ledger, the topic and the
 * scorecards.
 */
public final class KillDrill implements Runnable {

    public static final List<CityLoopService> VICTIMS = List.of(CityLoopService.CASE_INTAKE,
            CityLoopService.DISPATCH, CityLoopService.ASSESSMENT, CityLoopService.NOTIFICATION);

    public record Kill(String service, long pid, long casesInFlight, long restartMillis, String error) {
    }

    private final CityLoopSystem system;
    private final Duration load;
    private final LongSupplier casesInFlight;
    private final List<Kill> kills = new ArrayList<>();

    public KillDrill(CityLoopSystem system, Duration load, LongSupplier casesInFlight) {
        this.system = system;
        this.load = load;
        this.casesInFlight = casesInFlight;
    }

    @Override
    public void run() {
        long slot = load.toMillis() / (VICTIMS.size() + 1);
        long start = Clock.systemUTC().millis();
        for (int i = 0; i < VICTIMS.size(); i++) {
            CityLoopService victim = VICTIMS.get(i);
            long wait = start + slot * (i + 1) - Clock.systemUTC().millis();
            if (wait > 0) {
                LedgerCheck.pause(Duration.ofMillis(wait));
            }
            long pid = system.pid(victim);
            long inFlight = casesInFlight.getAsLong();
            long before = System.nanoTime();
            String error = null;
            try {
                system.kill(victim);
                system.restart(victim, Duration.ofMinutes(3));
            } catch (Exception e) {
                error = e.toString();
            }
            synchronized (kills) {
                kills.add(new Kill(victim.module(), pid, inFlight, (System.nanoTime() - before) / 1_000_000, error));
            }
        }
    }

    public List<Kill> kills() {
        synchronized (kills) {
            return List.copyOf(kills);
        }
    }
}
