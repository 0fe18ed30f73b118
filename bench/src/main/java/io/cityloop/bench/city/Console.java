package io.cityloop.bench.city;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.cityloop.launcher.GatewayClient;
import io.cityloop.launcher.GatewayClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * What the city's people share: the lists a console shows and the actions it sends through the gateway, the
 * memory of what each of them has already started (so a list read twice does not act twice), the business clock
 * that turns planned delays into real ones, and the count of every answer by action and status.
 */
final class Console {

    private final Supplier<GatewayClient> client;
    private final CaseLedger ledger;
    private final BusinessClock clock;
    private final Duration maxDelay;
    private final ScheduledExecutorService workers = Executors.newScheduledThreadPool(6, runnable -> {
        Thread thread = new Thread(runnable, "city-actor");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> started = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();

    Console(Supplier<GatewayClient> client, CaseLedger ledger, BusinessClock clock, Duration maxDelay) {
        this.client = client;
        this.ledger = ledger;
        this.clock = clock;
        this.maxDelay = maxDelay;
    }

    CaseLedger ledger() {
        return ledger;
    }

    BusinessClock clock() {
        return clock;
    }

    /** Marks an action as started; false when someone already started it. */
    boolean claim(String key) {
        return started.add(key);
    }

    Response post(String user, String path, Object body) {
        return client.get().post(user, path, body);
    }

    /**
     * Runs one action and counts its answer, with the problem's type when it was refused; on an answer that says
     * "try again" (5xx, 401, no answer, or a 409 — "changed concurrently; reload and retry", or a state that moved
     * on) the key is freed so that the next round, reading the list anew, picks it up as a person would.
     *
     * @return the answer, or null when none came
     */
    Response act(String what, String key, Supplier<Response> action) {
        try {
            Response answer = action.get();
            count(what + " " + answer.status() + problemType(answer));
            if (answer.status() >= 500 || answer.status() == 401 || answer.status() == 409) {
                started.remove(key);
            }
            return answer;
        } catch (RuntimeException e) {
            count(what + " no-answer");
            started.remove(key);
            return null;
        }
    }

    private static String problemType(Response answer) {
        String type = answer.status() >= 400 && answer.body() != null ? answer.path("type").asString("") : "";
        return type.isEmpty() ? "" : " " + type.substring(type.lastIndexOf('/') + 1);
    }

    Iterable<JsonNode> list(String user, String path) {
        try {
            Response answer = client.get().get(user, path);
            if (answer.status() == 200 && answer.body().isArray()) {
                return answer.body();
            }
            count("list " + answer.status());
        } catch (RuntimeException e) {
            count("list no-answer");
        }
        return List.of();
    }

    void every(Duration period, Duration firstAfter, Runnable round) {
        workers.scheduleWithFixedDelay(guarded(round), firstAfter.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Runs the step after this much business time (real time = business time ÷ speed, capped). */
    void after(Duration business, Runnable step) {
        workers.schedule(guarded(step), realMillis(business.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Real milliseconds for business milliseconds at the simulation's speed, capped so long delays end in the run. */
    long realMillis(long businessMillis) {
        return Math.min((long) (Math.max(0, businessMillis) / clock.speed()), maxDelay.toMillis());
    }

    void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
    }

    Map<String, Long> outcomes() {
        Map<String, Long> copy = new TreeMap<>();
        outcomes.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    void close() {
        workers.shutdownNow();
    }

    /** A field of a list entry that may be absent or null: null then. */
    static String text(JsonNode node, String field) {
        String value = node.path(field).asString("");
        return value.isEmpty() ? null : value;
    }

    private static Runnable guarded(Runnable round) {
        return () -> {
            try {
                round.run();
            } catch (RuntimeException e) {
                // A round that failed is simply tried again next time: the lists are the source of truth.
            }
        };
    }
}
