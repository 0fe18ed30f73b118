package io.cityloop.bench.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.cityloop.bench.measure.Percentiles;
import io.cityloop.launcher.CityLoopSystem;
import io.cityloop.launcher.GatewayClient;

/**
 * MongoDB closed for a while in the middle of the load, then started again on the same port and H2 file. During
 * the outage the gateway is probed on routes of every Mongo-backed service; each answer must come within
 * {@link #ANSWER_BOUND} — the services give up on MongoDB after 2 s, well before the gateway's 10 s downstream
 * timeout — as a 503 problem, never a 500 or a stack trace. Routes that need no database (the unit grid, the
 * gateway's token endpoint) must keep answering 200: an outage of the database must not become an outage of the
 * service. After MongoDB returns, the run's end checks must pass.
 */
public final class MongoOutageDrill implements Runnable {

    public static final Duration ANSWER_BOUND = Duration.ofSeconds(5);

    /** One answer during the outage; status -1 means no answer (client timeout or connection failure). */
    public record Probe(String route, int status, long millis, String contentType, boolean stackTrace, String note) {
    }

    /** Routes that do not touch MongoDB, so they must keep answering 200 through the outage. */
    private static final List<String> DATABASE_FREE = List.of("GET /api/reference/grid/locate",
            "POST /api/auth/token");

    private final CityLoopSystem system;
    private final Supplier<GatewayClient> client;
    private final Duration at;
    private final Duration outage;
    private final LongSupplier casesInFlight;
    private final Supplier<String> someCaseId;
    private final String month;
    private final List<Probe> probes = new ArrayList<>();
    private volatile long inFlight;
    private volatile String error;
    private volatile long restartMillis;

    public MongoOutageDrill(CityLoopSystem system, Supplier<GatewayClient> client, Duration at, Duration outage,
                            LongSupplier casesInFlight, Supplier<String> someCaseId, String month) {
        this.system = system;
        this.client = client;
        this.at = at;
        this.outage = outage;
        this.casesInFlight = casesInFlight;
        this.someCaseId = someCaseId;
        this.month = month;
    }

    @Override
    public void run() {
        LedgerCheck.pause(at);
        inFlight = casesInFlight.getAsLong();
        try {
            system.stopMongo();
        } catch (RuntimeException e) {
            error = "stopping MongoDB failed: " + e;
            return;
        }
        long end = System.nanoTime() + outage.toNanos();
        String caseId = someCaseId.get();
        Map<String, String[]> routes = new LinkedHashMap<>();
        routes.put("GET /api/cases/{id}", new String[] {"supervisor", "/api/cases/" + caseId});
        routes.put("GET /api/tasks", new String[] {"dispatcher", "/api/tasks?status=DISPATCHED"});
        routes.put("GET /api/scorecards/{month}/districts", new String[] {"supervisor",
                "/api/scorecards/" + month + "/districts"});
        routes.put("GET /api/reference/grid/locate", new String[] {"operator",
                "/api/reference/grid/locate?lon=108.7012&lat=34.3405"});
        routes.put("POST /api/auth/token", new String[] {"operator", null});
        List<Thread> probers = new ArrayList<>();
        routes.forEach((route, userAndPath) -> {
            Thread t = new Thread(() -> probe(route, userAndPath[0], userAndPath[1], end), "mongo-drill-probe");
            t.start();
            probers.add(t);
        });
        for (Thread t : probers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long before = System.nanoTime();
        try {
            system.startMongo();
        } catch (RuntimeException e) {
            error = "starting MongoDB again failed: " + e;
        }
        restartMillis = (System.nanoTime() - before) / 1_000_000;
    }

    private void probe(String route, String user, String path, long end) {
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            Probe probe;
            try {
                GatewayClient.Response answer = path == null ? client.get().login(user)
                        : client.get().get(user, path);
                String body = answer.body() == null ? "" : answer.body().toString();
                boolean trace = body.contains("\\tat ") || body.contains("Exception") || answer.body().has("trace");
                probe = new Probe(route, answer.status(), (System.nanoTime() - start) / 1_000_000,
                        answer.contentType(), trace, null);
            } catch (RuntimeException e) {
                probe = new Probe(route, -1, (System.nanoTime() - start) / 1_000_000, "", false, e.getMessage());
            }
            synchronized (probes) {
                probes.add(probe);
            }
            LedgerCheck.pause(Duration.ofMillis(300));
        }
    }

    public List<Probe> probes() {
        synchronized (probes) {
            return List.copyOf(probes);
        }
    }

    public long casesInFlight() {
        return inFlight;
    }

    /** What the verdict reads besides the end checks: the probes' figures first, then anything that failed. */
    public List<String> findings() {
        List<Probe> all = probes();
        List<String> findings = new ArrayList<>();
        Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        Map<String, List<Long>> latencies = new TreeMap<>();
        List<Long> allLatencies = new ArrayList<>();
        for (Probe p : all) {
            statuses.computeIfAbsent(p.route(), r -> new TreeMap<>()).merge(p.status(), 1, Integer::sum);
            latencies.computeIfAbsent(p.route(), r -> new ArrayList<>()).add(p.millis());
            allLatencies.add(p.millis());
        }
        StringBuilder summary = new StringBuilder(all.size() + " probes during the " + outage.toSeconds()
                + " s outage; latency ms all routes " + Percentiles.of(allLatencies) + "; MongoDB back in "
                + restartMillis + " ms");
        statuses.forEach((route, counts) -> summary.append("; ").append(route).append(": status ").append(counts)
                .append(", ms ").append(Percentiles.of(latencies.get(route))));
        findings.add(summary.toString());
        if (error != null) {
            findings.add(error);
        }
        int problems = 0;
        for (Probe p : all) {
            String problem = null;
            if (p.status() < 0) {
                problem = "no answer: " + p.note();
            } else if (p.millis() > ANSWER_BOUND.toMillis()) {
                problem = "answered after " + p.millis() + " ms";
            } else if (p.stackTrace()) {
                problem = "answer with a stack trace";
            } else if (p.status() >= 400 && !p.contentType().contains("problem+json")) {
                problem = "not a problem+json but " + p.contentType();
            } else if (DATABASE_FREE.contains(p.route()) && p.status() != 200) {
                problem = "needs no database but answered " + p.status();
            } else if (!DATABASE_FREE.contains(p.route()) && p.status() != 503 && p.status() != 200) {
                problem = "answered " + p.status() + " instead of 503";
            }
            if (problem != null && ++problems <= 20) {
                findings.add(p.route() + " " + p.status() + " in " + p.millis() + " ms: " + problem);
            }
        }
        if (problems > 20) {
            findings.add((problems - 20) + " more probes like the ones above");
        }
        return findings;
    }
}
