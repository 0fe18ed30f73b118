package io.cityloop.bench.measure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Nearest-rank percentiles of a list of durations in milliseconds. */
public final class Percentiles {

    private Percentiles() {
    }

    public static Map<String, Double> of(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        Map<String, Double> out = new TreeMap<>();
        out.put("count", (double) sorted.size());
        if (sorted.isEmpty()) {
            return out;
        }
        out.put("p50", at(sorted, 50));
        out.put("p95", at(sorted, 95));
        out.put("p99", at(sorted, 99));
        out.put("max", (double) sorted.get(sorted.size() - 1));
        return out;
    }

    private static double at(List<Long> sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
