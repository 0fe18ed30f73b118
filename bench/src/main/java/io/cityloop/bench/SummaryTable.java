package io.cityloop.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cityloop.bench.drill.Verdict;
import io.cityloop.bench.measure.KafkaHopBaseline;
import io.cityloop.bench.measure.MongoWriteBaseline;
import io.cityloop.bench.measure.TopicAudit;

/** The human side of a summary: the table printed at the end and the Markdown report. */
final class SummaryTable {

    private SummaryTable() {
    }

    /** Our figures as ratios to the baseline measured in the same run. */
    @SuppressWarnings("unchecked")
    static Map<String, Double> ratios(BenchRun.Summary summary) {
        Map<String, Object> f = summary.figures();
        Map<String, Double> ratios = new LinkedHashMap<>();
        KafkaHopBaseline.Result kafka = (KafkaHopBaseline.Result) f.get("baselineKafka");
        MongoWriteBaseline.Result mongo = (MongoWriteBaseline.Result) f.get("baselineMongo");
        TopicAudit.Result events = (TopicAudit.Result) f.get("events");
        Map<String, Object> submissions = (Map<String, Object>) f.get("submissions");
        if (kafka == null || events == null) {
            return ratios;
        }
        double okPerSecond = number(submissions.get("createdPerSecond"));
        ratios.put("submissions/s ÷ MongoDB single-document writes/s", okPerSecond / mongo.writesPerSecond());
        ratios.put("closed cases/s ÷ baseline events/s through " + kafka.hops() + " hops",
                events.closedPerSecond() / kafka.eventsPerSecond());
        // filed → dispatched is one hop with routing and a MongoDB write; the paced baseline hop is the same hop
        // with neither, and no queue in front of it.
        Map<String, Double> dispatchHop = events.stageLatencyMillis().get("filed→dispatched");
        for (String p : new String[] {"p50", "p99"}) {
            Double hop = kafka.pacedPerHopMillis().get(p);
            Double ours = dispatchHop == null ? null : dispatchHop.get(p);
            if (hop != null && ours != null && hop > 0) {
                ratios.put("filed→dispatched " + p + " ÷ baseline paced one-hop " + p, ours / hop);
            }
        }
        return ratios;
    }

    @SuppressWarnings("unchecked")
    static String markdown(BenchRun.Summary summary) {
        Map<String, Object> f = summary.figures();
        StringBuilder md = new StringBuilder();
        Map<String, Object> s = (Map<String, Object>) f.get("submissions");
        KafkaHopBaseline.Result kafka = (KafkaHopBaseline.Result) f.get("baselineKafka");
        MongoWriteBaseline.Result mongo = (MongoWriteBaseline.Result) f.get("baselineMongo");
        TopicAudit.Result events = (TopicAudit.Result) f.get("events");
        md.append("Scale `").append(f.get("scale")).append("` on ").append(f.get("machine")).append("\n\n");
        md.append("| measure | value |\n| --- | --- |\n");
        if (s != null) {
            row(md, "reports submitted (Gatling) / 201 / refused", s.get("requests") + " / " + s.get("created")
                    + " / " + s.get("refused"));
            row(md, "case submissions per second (201s over the load window)", fmt(number(s.get("createdPerSecond"))));
            if (f.get("refusedRetried") != null) {
                row(md, "refused reports sent again after the load, same Idempotency-Key (answer × count; 200 = a "
                        + "case created behind the refusal)", String.valueOf(f.get("refusedRetried")));
            }
            row(md, "submission latency p50 / p95 / p99 / max (ms)", fmt(number(s.get("p50"))) + " / "
                    + fmt(number(s.get("p95"))) + " / " + fmt(number(s.get("p99"))) + " / " + fmt(number(s.get("max"))));
        }
        cityRows(md, f);
        if (events != null) {
            events.stageLatencyMillis().forEach((stage, p) -> row(md, stage + " p50 / p95 / p99 / max (ms, real time)",
                    fmt(p.get("p50")) + " / " + fmt(p.get("p95")) + " / " + fmt(p.get("p99")) + " / " + fmt(p.get("max"))
                            + " (n=" + fmt(p.get("count")) + ")"));
            row(md, "cases closed / full-loop throughput (closed per second)",
                    events.closedCases() + " / " + fmt(events.closedPerSecond()));
            row(md, "events on the topic / re-published (same id)", events.events() + " / " + events.republishedEvents());
            if (f.get("assessmentCaughtUpAfterSeconds") != null) {
                row(md, "assessment caught up with the topic, seconds after every case was final",
                        String.valueOf(f.get("assessmentCaughtUpAfterSeconds")));
            }
        }
        if (kafka != null) {
            row(md, "baseline: events through " + kafka.hops() + " Kafka hops per second", fmt(kafka.eventsPerSecond()));
            row(md, "baseline: one hop p50 / p99 (ms), paced at " + kafka.pacedRate() + " events/s (n="
                    + kafka.pacedEvents() + ")", fmt(kafka.pacedPerHopMillis().get("p50")) + " / "
                    + fmt(kafka.pacedPerHopMillis().get("p99")));
            row(md, "baseline: one hop p50 / p99 (ms) within the burst of " + kafka.events() + " (queueing)",
                    fmt(kafka.perHopMillis().get("p50")) + " / " + fmt(kafka.perHopMillis().get("p99")));
        }
        if (mongo != null) {
            row(md, "baseline: MongoDB single-document inserts per second", fmt(mongo.writesPerSecond()));
        }
        ratios(summary).forEach((name, value) -> row(md, "ratio: " + name, fmt(value)));
        Map<String, Map<String, Double>> system = (Map<String, Map<String, Double>>) f.get("system");
        if (system != null) {
            system.forEach((name, stats) -> {
                if (name.startsWith("kafka_lag") || name.startsWith("outbox") || name.startsWith("cpu")
                        || name.startsWith("rss")) {
                    row(md, name + " mean / max", fmt(stats.get("mean")) + " / " + fmt(stats.get("max")));
                }
            });
        }
        List<Map<String, Object>> levels = (List<Map<String, Object>>) f.get("levels");
        if (levels != null && levels.size() > 1) {
            stepTable(md, levels, f.get("sustainedReportsPerSecond"));
        }
        List<Map<String, Object>> tenths = (List<Map<String, Object>>) f.get("tenths");
        if (tenths != null) {
            tenthsTable(md, tenths, (List<Map<String, Object>>) f.get("queryCost"),
                    (List<Map<String, Object>>) f.get("storeGrowth"), f.get("flatness"));
        }
        storeRows(md, (Map<String, Object>) f.get("storeAfterDrain"), (Map<String, Map<String, Double>>) f.get("heaps"));
        if (f.get("overload") != null) {
            md.append("\nOverload: ").append(f.get("overload")).append("\n");
        }
        md.append("\n| drill | verdict | cases in flight | cases lost | duplicates |\n| --- | --- | --- | --- | --- |\n");
        int run = 0;
        int passed = 0;
        for (Verdict v : summary.verdicts()) {
            String verdict = !v.run() ? "not run" : v.passed() ? "PASS" : "FAIL";
            if (v.run()) {
                run++;
                passed += v.passed() ? 1 : 0;
            }
            md.append("| ").append(v.drill()).append(" | ").append(verdict).append(" | ").append(v.casesInFlight())
                    .append(" | ").append(v.casesLost()).append(" | ").append(v.duplicates()).append(" |\n");
        }
        md.append("\nDrills run: ").append(run).append(", passed: ").append(passed).append("\n\nFindings:\n\n");
        for (Verdict v : summary.verdicts()) {
            v.findings().forEach(finding -> md.append("- ").append(v.drill()).append(": ").append(finding).append('\n'));
        }
        return md.toString();
    }

    /** 阶梯加压: what each level of a step load sustained, and where it broke. */
    @SuppressWarnings("unchecked")
    private static void stepTable(StringBuilder md, List<Map<String, Object>> levels, Object capacity) {
        md.append("\n| level | offered reports/s | 201/s | submission p50 / p95 / p99 (ms) | refused | consumer lag at "
                + "level end (events) | sustained |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Map<String, Object> level : levels) {
            Map<String, Double> p = (Map<String, Double>) level.get("latencyMillis");
            md.append("| ").append(level.get("level")).append(" | ").append(fmt(number(level.get("offeredPerSecond"))))
                    .append(" | ").append(fmt(number(level.get("createdPerSecond")))).append(" | ")
                    .append(fmt(p.get("p50"))).append(" / ").append(fmt(p.get("p95"))).append(" / ")
                    .append(fmt(p.get("p99"))).append(" | ").append(level.get("refused")).append(" | ")
                    .append(fmt(number(level.get("lagAtEnd")))).append(" | ")
                    .append(Boolean.TRUE.equals(level.get("sustained")) ? "yes" : "**no**").append(" |\n");
        }
        md.append("\nSustained: ").append(capacity == null ? "not even the first level"
                : fmt(number(capacity)) + " reports/s (the highest level before the first one not sustained: "
                + "≥ 95 % 201s, submission p95 ≤ 1 s, consumer lag ≤ 2 s of the level's events)").append("\n");
    }

    /** The load in tenths: is the rate flat as the cases accumulate, and what each query cost the store. */
    @SuppressWarnings("unchecked")
    private static void tenthsTable(StringBuilder md, List<Map<String, Object>> tenths,
                                    List<Map<String, Object>> queryCost, List<Map<String, Object>> growth,
                                    Object flatness) {
        md.append("\n| tenth of the load | reports sent | 201/s | submission p50 / p99 (ms) | MongoDB queries/s | "
                + "documents examined per query | cases | Kafka / MongoDB bytes per case |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (int i = 0; i < tenths.size(); i++) {
            Map<String, Object> tenth = tenths.get(i);
            Map<String, Double> p = (Map<String, Double>) tenth.get("latencyMillis");
            Map<String, Object> cost = queryCost != null && i < queryCost.size() ? queryCost.get(i) : Map.of();
            Map<String, Object> size = growth != null && i < growth.size() ? growth.get(i) : Map.of();
            md.append("| ").append(tenth.get("tenth")).append(" | ").append(tenth.get("sent")).append(" | ")
                    .append(fmt(number(tenth.get("createdPerSecond")))).append(" | ").append(fmt(p.get("p50")))
                    .append(" / ").append(fmt(p.get("p99"))).append(" | ")
                    .append(fmt(number(cost.get("queriesPerSecond")))).append(" | ")
                    .append(fmt(number(cost.get("examinedPerQuery")))).append(" | ")
                    .append(size.getOrDefault("cases", "")).append(" | ")
                    .append(size.getOrDefault("kafkaBytesPerCase", "")).append(" / ")
                    .append(size.getOrDefault("mongoBytesPerCase", "")).append(" |\n");
        }
        md.append("\nRate over the load: ").append(flatness).append("\n");
    }

    /** Disk per case once drained, and each service's heap at the end of the run. */
    private static void storeRows(StringBuilder md, Map<String, Object> store, Map<String, Map<String, Double>> heaps) {
        if (store != null) {
            md.append("\nOn disk after the drain: ").append(store.get("cases")).append(" cases, Kafka log ")
                    .append(store.get("kafkaBytes")).append(" bytes (").append(store.get("kafkaBytesPerCase"))
                    .append(" per case), MongoDB ").append(store.get("mongoBytes")).append(" bytes (")
                    .append(store.get("mongoBytesPerCase")).append(" per case; 0 when the run kept MongoDB in memory)\n");
        }
        if (heaps != null && !heaps.isEmpty()) {
            md.append("\n| service | heap used (MB) | live after the last old-generation GC (MB) | max heap (MB) |\n"
                    + "| --- | --- | --- | --- |\n");
            heaps.forEach((service, heap) -> md.append("| ").append(service).append(" | ")
                    .append(fmt(heap.get("usedMb"))).append(" | ").append(fmt(heap.get("liveAfterGcMb")))
                    .append(" | ").append(fmt(heap.get("maxMb"))).append(" |\n"));
        }
    }

    /** Why submissions were refused, how the cases ended, and what the city's people did (and got) along the way. */
    @SuppressWarnings("unchecked")
    private static void cityRows(StringBuilder md, Map<String, Object> f) {
        Map<String, Object> s = (Map<String, Object>) f.get("submissions");
        Map<String, Long> reasons = s == null ? null : (Map<String, Long>) s.get("refusedByReason");
        if (reasons != null && !reasons.isEmpty()) {
            row(md, "refused submissions by reason", counts(reasons));
        }
        Map<String, Long> statuses = (Map<String, Long>) f.get("finalStatuses");
        if (statuses != null) {
            row(md, "final case statuses", counts(statuses));
        }
        Map<String, Long> actors = (Map<String, Long>) f.get("actors");
        if (actors != null) {
            row(md, "city actors (action answer × count)", counts(actors));
        }
    }

    private static String counts(Map<String, Long> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((what, n) -> text.append(text.length() == 0 ? "" : ", ").append(what).append(" × ").append(n));
        return text.toString();
    }

    static String render(BenchRun.Summary summary) {
        return markdown(summary);
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static double number(Object value) {
        return value instanceof Number ? ((Number) value).doubleValue() : Double.NaN;
    }

    private static String fmt(Double value) {
        if (value == null || value.isNaN()) {
            return "–";
        }
        return Math.abs(value) >= 100 || value == Math.rint(value) ? String.format("%.0f", value)
                : String.format("%.3g", value);
    }
}
