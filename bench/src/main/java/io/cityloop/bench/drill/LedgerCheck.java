package io.cityloop.bench.drill;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.cityloop.bench.city.CaseLedger;
import io.cityloop.bench.city.CasePlan;
import io.cityloop.launcher.GatewayClient;
import io.cityloop.launcher.GatewayClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * The end-of-run truth: every case that got a 201 is read back and must be in the status the ledger expects
 * (closed, rejected, or merged for a duplicate report); and the scorecards must equal what the final case list
 * implies (per district: reported by report month, filed over the run; per unit: dispatched tasks over the run), so
 * an event applied twice after a redelivery would show.
 *
 * <p>Duplicates count once: a merged report counts as reported, never as filed or dispatched. A returned task (退回)
 * does not count as dispatched for the unit that returned it (the default scheme's rule; a scheme that keeps
 * unjustified returns in 应处置数 would need them added here); the case counts once, for the unit of its last task,
 * which is read from dispatch by following the re-dispatch from the task the case names.
 */
public final class LedgerCheck {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    /** More re-dispatches than any plan makes: a chain this long would be a loop. */
    private static final int MAX_REDISPATCHES = 5;

    public record Outcome(int cases, Map<String, Long> finalStatuses, List<String> lost, List<String> mismatches,
                          Map<String, JsonNode> scorecards) {
    }

    private static final int READERS = 4;

    /**
     * Waits until every case is final (or the time is up), then compares.
     *
     * @param projectionsCaughtUp waits (bounded) until the scorecards' consumer has read the whole topic, so that
     *                            a consumer that is merely behind is not reported as counting wrong
     */
    public static Outcome check(GatewayClient client, CaseLedger ledger, Duration drain,
                                Runnable projectionsCaughtUp) {
        long deadline = System.nanoTime() + drain.toNanos();
        Map<String, JsonNode> views = new HashMap<>();
        List<String> open = ledger.caseIds();
        while (true) {
            List<String> still = new ArrayList<>();
            Map<String, JsonNode> read = readAll(open, id -> read(client, id));
            for (String id : open) {
                JsonNode view = read.get(id);
                if (view != null) {
                    views.put(id, view);
                }
                if (view == null || !ledger.expectedFinalStatus(id).equals(view.path("status").asString())) {
                    still.add(id);
                }
            }
            open = still;
            if (open.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            pause(Duration.ofSeconds(2));
        }
        Map<String, Long> statuses = new TreeMap<>();
        views.values().forEach(v -> statuses.merge(v.path("status").asString(), 1L, Long::sum));
        List<String> lost = new ArrayList<>();
        for (String id : open) {
            JsonNode view = views.get(id);
            lost.add(id + " expected " + ledger.expectedFinalStatus(id) + " but is "
                    + (view == null ? "unreadable" : view.path("status").asString()));
        }
        Map<String, JsonNode> lastTasks = lastTasks(client, ledger, views);
        projectionsCaughtUp.run();
        Map<String, JsonNode> scorecards = new TreeMap<>();
        List<String> mismatches = compareScorecards(client, ledger, views, lastTasks, scorecards);
        long settle = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!mismatches.isEmpty() && System.nanoTime() < settle) {
            // assessment is eventually consistent: give its consumer time to catch up before calling it a mismatch
            pause(Duration.ofSeconds(2));
            scorecards.clear();
            mismatches = compareScorecards(client, ledger, views, lastTasks, scorecards);
        }
        return new Outcome(ledger.size(), statuses, lost, mismatches, scorecards);
    }

    /**
     * The task each filed case ended with, as dispatch records it: the case's own view names the task it was first
     * dispatched as, so a returned task is followed to the one the command center sent the case on as.
     */
    private static Map<String, JsonNode> lastTasks(GatewayClient client, CaseLedger ledger,
                                                   Map<String, JsonNode> views) {
        Map<String, JsonNode> last = new java.util.concurrent.ConcurrentHashMap<>();
        List<String> followed = new ArrayList<>();
        views.forEach((id, view) -> {
            JsonNode task = view.path("currentTask");
            if (!CasePlan.CLOSED.equals(ledger.expectedFinalStatus(id)) || !task.isObject()) {
                return;
            }
            last.put(id, task);
            CasePlan plan = ledger.plan(id);
            // Only a returned or extended task can differ from the case's own view; reading every task of a
            // month's cases would take longer than the month's load.
            if (plan != null && (plan.returnsFirstTask() || plan.extension() != null)) {
                followed.add(id);
            }
        });
        readAll(followed, id -> {
            JsonNode task = last.get(id);
            String taskId = task.path("taskId").asString();
            for (int hop = 0; hop <= MAX_REDISPATCHES && !taskId.isEmpty(); hop++) {
                JsonNode details = readTask(client, taskId);
                if (details == null) {
                    // dispatch did not answer: the case's own view is the best left
                    break;
                }
                task = details;
                taskId = details.path("redispatchedAs").asString("");
            }
            last.put(id, task);
            return task;
        });
        return last;
    }

    private static List<String> compareScorecards(GatewayClient client, CaseLedger ledger, Map<String, JsonNode> views,
                                                  Map<String, JsonNode> lastTasks, Map<String, JsonNode> scorecards) {
        Map<String, Long> expectedReported = new TreeMap<>();
        Map<String, Long> expectedFiled = new TreeMap<>();
        Map<String, Long> expectedDispatched = new TreeMap<>();
        TreeSet<YearMonth> months = new TreeSet<>();
        views.forEach((id, view) -> {
            YearMonth month = YearMonth.from(Instant.parse(view.path("reportedAt").asString()).atZone(CITY));
            months.add(month);
            String district = view.path("districtCode").asString();
            expectedReported.merge(month + "/" + district, 1L, Long::sum);
            if (CasePlan.CLOSED.equals(ledger.expectedFinalStatus(id))) {
                expectedFiled.merge(district, 1L, Long::sum);
                JsonNode task = lastTasks.get(id);
                if (task != null) {
                    expectedDispatched.merge(task.path("unitId").asString(), 1L, Long::sum);
                    // an approved extension (延期) may move the task's deadline, and so its month, later
                    months.add(YearMonth.from(Instant.parse(task.path("deadline").asString()).atZone(CITY)));
                }
            }
        });
        if (!months.isEmpty()) {
            months.add(months.last().plusMonths(1));
        }
        Map<String, Long> actualReported = new TreeMap<>();
        Map<String, Long> actualFiled = new TreeMap<>();
        Map<String, Long> actualDispatched = new TreeMap<>();
        for (YearMonth month : months) {
            JsonNode districts = client.get("supervisor", "/api/scorecards/" + month + "/districts").body();
            JsonNode departments = client.get("supervisor", "/api/scorecards/" + month + "/departments").body();
            scorecards.put(month + "/districts", districts);
            scorecards.put(month + "/departments", departments);
            for (JsonNode row : districts.path("rows")) {
                String district = row.path("districtCode").asString();
                addIfPositive(actualReported, month + "/" + district, row.path("reported").asLong());
                addIfPositive(actualFiled, district, row.path("filed").asLong());
            }
            for (JsonNode row : departments.path("rows")) {
                addIfPositive(actualDispatched, row.path("unitId").asString(), row.path("dispatched").asLong());
            }
        }
        List<String> mismatches = new ArrayList<>();
        diff("reported", expectedReported, actualReported, mismatches);
        diff("filed", expectedFiled, actualFiled, mismatches);
        diff("dispatched", expectedDispatched, actualDispatched, mismatches);
        return mismatches;
    }

    private static void addIfPositive(Map<String, Long> into, String key, long value) {
        if (value > 0) {
            into.merge(key, value, Long::sum);
        }
    }

    private static void diff(String what, Map<String, Long> expected, Map<String, Long> actual, List<String> into) {
        TreeSet<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            long e = expected.getOrDefault(key, 0L);
            long a = actual.getOrDefault(key, 0L);
            if (e != a) {
                into.add(what + " " + key + ": scorecard " + a + ", recomputed from the cases " + e);
            }
        }
    }

    /** Reads with a few threads, as a few consoles would; the answers by key (a failed read is left out). */
    private static Map<String, JsonNode> readAll(List<String> keys,
                                                 java.util.function.Function<String, JsonNode> reader) {
        Map<String, JsonNode> answers = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(READERS);
        try {
            List<java.util.concurrent.Future<?>> reads = new ArrayList<>();
            for (String key : keys) {
                reads.add(readers.submit(() -> {
                    JsonNode answer = reader.apply(key);
                    if (answer != null) {
                        answers.put(key, answer);
                    }
                }));
            }
            for (java.util.concurrent.Future<?> read : reads) {
                read.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            readers.shutdownNow();
        }
        return answers;
    }

    private static JsonNode readTask(GatewayClient client, String taskId) {
        try {
            Response answer = client.get("dispatcher", "/api/tasks/" + taskId);
            return answer.status() == 200 ? answer.body() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static JsonNode read(GatewayClient client, String id) {
        try {
            Response answer = client.get("supervisor", "/api/cases/" + id);
            return answer.status() == 200 ? answer.body() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
