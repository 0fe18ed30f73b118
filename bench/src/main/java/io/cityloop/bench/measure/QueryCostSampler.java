package io.cityloop.bench.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.cityloop.infra.QueryGuard;

/**
 * The embedded MongoDB's query cost over the load, in tenths: queries per second and documents examined per query
 * in each tenth. With every query served by an index the cost per query stays flat as the cases accumulate; a scan
 * shows as a cost that grows with them.
 */
public final class QueryCostSampler {

    private final QueryGuard guard;
    private final ScheduledExecutorService timer;
    private final long tenthMillis;
    private final List<Map<String, Object>> tenths = new ArrayList<>();
    private QueryGuard.Cost last;

    private QueryCostSampler(QueryGuard guard, Duration load) {
        this.guard = guard;
        this.tenthMillis = Math.max(1, load.toMillis() / 10);
        this.last = guard.cost();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "query-cost");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static QueryCostSampler start(QueryGuard guard, Duration load) {
        QueryCostSampler sampler = new QueryCostSampler(guard, load);
        sampler.timer.scheduleAtFixedRate(sampler::sample, sampler.tenthMillis, sampler.tenthMillis,
                TimeUnit.MILLISECONDS);
        return sampler;
    }

    private synchronized void sample() {
        if (tenths.size() >= 10) {
            return;
        }
        QueryGuard.Cost now = guard.cost();
        QueryGuard.Cost tenth = now.since(last);
        last = now;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("tenth", tenths.size() + 1);
        figures.put("queriesPerSecond", tenth.queries() * 1000.0 / tenthMillis);
        figures.put("examinedPerQuery", Math.round(tenth.examinedPerQuery() * 10) / 10.0);
        figures.put("returnedPerQuery", tenth.queries() == 0 ? 0.0
                : Math.round(10.0 * tenth.returned() / tenth.queries()) / 10.0);
        tenths.add(figures);
    }

    /** Stops sampling; the tenths measured so far. */
    public synchronized List<Map<String, Object>> stop() {
        timer.shutdownNow();
        return List.copyOf(tenths);
    }
}
