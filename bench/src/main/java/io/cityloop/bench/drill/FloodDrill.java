package io.cityloop.bench.drill;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import io.cityloop.bench.city.CaseLedger;
import io.cityloop.bench.measure.Percentiles;
import io.cityloop.launcher.GatewayClient;

/**
 * 匿名洪水: an anonymous flood at N × the gateway's public limit on the citizens' doors — {@code GET
 * /open311/v2/requests.json} and {@code POST /api/public/reports} — from many parallel callers, while the
 * simulated inspectors keep reporting through the signed-in route (the issue-14 probe: 150 parallel anonymous
 * reads every 4 s made 18 of 50 inspector reports fail with 503 and a supervisor's list 503 for ~5 s).
 *
 * <p>The gateway limits the anonymous routes per caller ({@code X-CityLoop-Client}, from the TCP peer: everything
 * the bench sends comes from 127.0.0.1, so the flood is one caller, as a single attacker's machine is) with a token
 * bucket ({@code CITYLOOP_PUBLIC_RATE}/s, burst {@code CITYLOOP_PUBLIC_BURST}) and bounds them in flight
 * ({@code CITYLOOP_PUBLIC_MAX_CONCURRENT}). The flood sends {@code factor} × the rate steadily, plus a burst of
 * {@code burst} parallel reads every 4 s, at most {@code callers} in flight. Its reports name no category of the
 * catalog, so a report that gets through is refused (400) and creates nothing.
 *
 * <p>PASS when no inspector report was refused during the flood (and some were taken), a supervisor's case list
 * polled every second answered 200 throughout, and the anonymous excess got 429: at least every request beyond
 * what the bucket can allow (burst + rate × seconds) answered 429, each 429 with {@code Retry-After}, no 5xx and
 * no request left without an answer.
 */
public final class FloodDrill implements Runnable {

    private static final Duration BURST_EVERY = Duration.ofSeconds(4);
    private static final String READ = "GET /open311/v2/requests.json";
    private static final String REPORT = "POST /api/public/reports";

    private final String gateway;
    private final Supplier<GatewayClient> client;
    private final CaseLedger ledger;
    private final Duration at;
    private final Duration length;
    private final double factor;
    private final int callers;
    private final int burst;
    private final double publicRate;
    private final int publicBurst;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final List<Long> anonymousMillis = new ArrayList<>();
    private final List<Long> staffMillis = new ArrayList<>();
    private final Map<String, LongAdder> staffAnswers = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong saturated = new AtomicLong();
    private final AtomicLong tooManyWithoutRetryAfter = new AtomicLong();
    private volatile long inspectorReportsBefore;
    private volatile long inspectorRefusedBefore;
    private volatile long inspectorReportsDuring;
    private volatile long inspectorRefusedDuring;
    private volatile long floodMillis;
    private volatile String error;

    public FloodDrill(String gateway, Supplier<GatewayClient> client, CaseLedger ledger, Duration at, Duration length,
                      double factor, int callers, int burst) {
        this.gateway = gateway;
        this.client = client;
        this.ledger = ledger;
        this.at = at;
        this.length = length;
        this.factor = factor;
        this.callers = callers;
        this.burst = burst;
        this.publicRate = setting("CITYLOOP_PUBLIC_RATE", 2);
        this.publicBurst = (int) setting("CITYLOOP_PUBLIC_BURST", 100);
    }

    /** The gateway's figure as the bench's system runs it: the services inherit the bench's environment. */
    private static double setting(String variable, double defaultValue) {
        String value = System.getenv(variable);
        try {
            return value == null || value.isBlank() ? defaultValue : Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return defaultValue;
        }
    }

    @Override
    public void run() {
        LedgerCheck.pause(at);
        inspectorReportsBefore = ledger.size();
        inspectorRefusedBefore = ledger.refusedCount();
        Thread staff = new Thread(this::pollStaff, "flood-drill-staff");
        long start = System.nanoTime();
        long end = start + length.toNanos();
        staff.start();
        try {
            flood(start, end);
        } catch (RuntimeException e) {
            error = e.toString();
        }
        floodMillis = (System.nanoTime() - start) / 1_000_000;
        try {
            staff.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        inspectorReportsDuring = ledger.size() - inspectorReportsBefore;
        inspectorRefusedDuring = ledger.refusedCount() - inspectorRefusedBefore;
    }

    private void flood(long start, long end) {
        double rate = factor * publicRate;
        Semaphore inFlight = new Semaphore(callers);
        long nextBurst = start;
        long due = 0;
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            long shouldHaveSent = (long) (rate * (now - start) / 1e9);
            while (due < shouldHaveSent) {
                due++;
                fire(inFlight, due % 2 == 0 ? READ : REPORT);
            }
            if (now >= nextBurst) {
                for (int i = 0; i < burst; i++) {
                    fire(inFlight, READ);
                }
                nextBurst += BURST_EVERY.toNanos();
            }
            LedgerCheck.pause(Duration.ofMillis(10));
        }
        // let the last answers arrive
        try {
            if (!inFlight.tryAcquire(callers, 40, java.util.concurrent.TimeUnit.SECONDS)) {
                count(answers, "no answer within 40 s after the flood");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void fire(Semaphore inFlight, String route) {
        if (!inFlight.tryAcquire()) {
            saturated.incrementAndGet();
            return;
        }
        sent.incrementAndGet();
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (route == READ) {
            request.uri(URI.create(gateway + "/open311/v2/requests.json?status=open")).GET();
        } else {
            request.uri(URI.create(gateway + "/api/public/reports"))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"categoryCode\":\"99-99-99\",\"description\":\""
                            + "洪水\",\"location\":{\"lon\":108.7012,\"lat\":34.3405}}"));
        }
        long began = System.nanoTime();
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((answer, failure) -> {
            try {
                long millis = (System.nanoTime() - began) / 1_000_000;
                synchronized (anonymousMillis) {
                    anonymousMillis.add(millis);
                }
                if (failure != null) {
                    count(answers, route + " no answer (" + failure.getClass().getSimpleName() + ")");
                    return;
                }
                int status = answer.statusCode();
                String key = route + " " + status;
                if (status == 429) {
                    key += answer.body().contains("too many reports") ? " (case-intake's hourly limit)"
                            : " (gateway)";
                    if (answer.headers().firstValue("Retry-After").isEmpty()) {
                        tooManyWithoutRetryAfter.incrementAndGet();
                    }
                }
                count(answers, key);
            } finally {
                inFlight.release();
            }
        });
    }

    /** A supervisor's case list, once a second through the flood: signed-in staff must not notice it. */
    private void pollStaff() {
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < end) {
            long began = System.nanoTime();
            String key;
            try {
                key = "GET /api/cases (supervisor) " + client.get().get("supervisor", "/api/cases?size=20").status();
            } catch (RuntimeException e) {
                key = "GET /api/cases (supervisor) no answer (" + e.getClass().getSimpleName() + ")";
            }
            synchronized (staffMillis) {
                staffMillis.add((System.nanoTime() - began) / 1_000_000);
            }
            count(staffAnswers, key);
            LedgerCheck.pause(Duration.ofSeconds(1));
        }
    }

    private static void count(Map<String, LongAdder> counts, String key) {
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    public Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("publicLimit", publicRate + "/s, burst " + publicBurst);
        figures.put("offeredPerSecond", factor * publicRate);
        figures.put("burstEvery4s", burst);
        figures.put("maxInFlight", callers);
        figures.put("floodSeconds", floodMillis / 1000.0);
        figures.put("anonymousSent", sent.get());
        figures.put("anonymousNotSentAllCallersBusy", saturated.get());
        figures.put("anonymousAnswers", sorted(answers));
        synchronized (anonymousMillis) {
            figures.put("anonymousMillis", Percentiles.of(new ArrayList<>(anonymousMillis)));
        }
        figures.put("tooManyWithoutRetryAfter", tooManyWithoutRetryAfter.get());
        figures.put("staffAnswers", sorted(staffAnswers));
        synchronized (staffMillis) {
            figures.put("staffMillis", Percentiles.of(new ArrayList<>(staffMillis)));
        }
        figures.put("inspectorReportsTakenDuringFlood", inspectorReportsDuring);
        figures.put("inspectorReportsRefusedDuringFlood", inspectorRefusedDuring);
        return figures;
    }

    public Verdict verdict() {
        List<String> findings = new ArrayList<>();
        long tooMany = answers.entrySet().stream().filter(e -> e.getKey().contains(" 429"))
                .mapToLong(e -> e.getValue().sum()).sum();
        long allowance = publicBurst + (long) Math.ceil(publicRate * floodMillis / 1000.0);
        long excess = Math.max(0, sent.get() - allowance);
        if (error != null) {
            findings.add("the flood stopped: " + error);
        }
        if (inspectorRefusedDuring > 0) {
            findings.add(inspectorRefusedDuring + " inspector reports refused during the flood");
        }
        if (inspectorReportsDuring == 0) {
            findings.add("no inspector report was taken during the flood");
        }
        staffAnswers.forEach((key, count) -> {
            if (!key.endsWith(" 200")) {
                findings.add(count.sum() + " × " + key);
            }
        });
        answers.forEach((key, count) -> {
            boolean expected = key.contains(" 429") || key.equals(READ + " 200") || key.equals(REPORT + " 400");
            if (!expected) {
                findings.add(count.sum() + " anonymous answers " + key);
            }
        });
        if (tooMany < excess) {
            findings.add("only " + tooMany + " × 429 where " + excess + " requests exceeded what the limit allows ("
                    + allowance + ")");
        }
        if (tooManyWithoutRetryAfter.get() > 0) {
            findings.add(tooManyWithoutRetryAfter.get() + " × 429 without Retry-After");
        }
        boolean passed = findings.isEmpty();
        findings.add(0, String.format(java.util.Locale.ROOT, "%d anonymous requests in %.0f s (%.0f/s = %.0f × the "
                        + "public limit of %.0f/s, plus %d parallel reads every 4 s, ≤ %d in flight; %d not sent, all "
                        + "callers busy): %s, %d × 429 against an excess of %d over the bucket's %d; inspectors: %d "
                        + "reports taken during the flood, %d refused; supervisor's case list: %s",
                sent.get(), floodMillis / 1000.0, factor * publicRate, factor, publicRate, burst, callers,
                saturated.get(), sorted(answers), tooMany, excess, allowance, inspectorReportsDuring,
                inspectorRefusedDuring, sorted(staffAnswers)));
        return new Verdict("anonymous flood at " + (long) factor + " × the public limit while inspectors report",
                passed, 0, 0, 0, findings);
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> counts) {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((key, count) -> sorted.put(key, count.sum()));
        return sorted;
    }
}
