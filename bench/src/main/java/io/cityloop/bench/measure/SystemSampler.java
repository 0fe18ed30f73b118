package io.cityloop.bench.measure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Samples, once a second during the run: each consumer group's lag on the case-events topic (end offset minus
 * committed offset, summed over partitions), each service's outbox backlog ({@code cityloop_outbox_backlog} on
 * /actuator/prometheus), and CPU and resident memory of every process from /proc.
 */
public final class SystemSampler implements AutoCloseable {

    public static final List<String> GROUPS = List.of("case-intake", "dispatch", "assessment", "notification");

    private final Admin admin;
    private final String topic;
    private final Supplier<Map<String, Long>> pids;
    private final Map<String, Integer> metricPorts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-sampler");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Series> series = new TreeMap<>();
    /** Real time: samples are matched with the load tool's answers, not with business time. */
    private final java.time.Clock realTime = java.time.Clock.systemUTC();
    private final Map<String, long[]> lastCpu = new HashMap<>();
    private final long ticksPerSecond = 100;

    public SystemSampler(String bootstrapServers, String topic, Supplier<Map<String, Long>> pids,
                         Map<String, Integer> metricPorts) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4000);
        this.admin = Admin.create(config);
        this.topic = topic;
        this.pids = pids;
        this.metricPorts = metricPorts;
    }

    public void start() {
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    private void sample() {
        try {
            sampleLag();
        } catch (Exception e) {
            // the broker or a group may be unavailable for a moment (drills); the next sample tries again
        }
        metricPorts.forEach((service, port) -> {
            Double backlog = outboxBacklog(port);
            if (backlog != null) {
                record("outbox_backlog." + service, backlog);
            }
        });
        pids.get().forEach(this::sampleProcess);
    }

    private void sampleLag() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < 12; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(4, TimeUnit.SECONDS);
        for (String group : GROUPS) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(4, TimeUnit.SECONDS);
            long lag = 0;
            for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : ends.entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                // the two reads are not atomic: a commit can overtake the end offset read just before
                lag += Math.max(0, end.getValue().offset() - (done == null ? 0 : done.offset()));
            }
            record("kafka_lag." + group, lag);
        }
    }

    private Double outboxBacklog(int port) {
        // Only the one gauge: a full scrape every second cost case-intake 7.5 % of its CPU under load (JFR),
        // which Prometheus, scraping every 15–30 s, does not.
        return scrape(port, "cityloop_outbox_backlog", "");
    }

    /**
     * Each service's heap once the run is over, from its own metrics: used now, live after the last collection of
     * the old generation (what the data kept in memory needs), and the maximum the JVM may take, in MB.
     */
    public Map<String, Map<String, Double>> heaps() {
        Map<String, Map<String, Double>> heaps = new TreeMap<>();
        metricPorts.forEach((service, port) -> {
            Map<String, Double> heap = new TreeMap<>();
            Double used = scrape(port, "jvm_memory_used_bytes", "area=\"heap\"");
            Double max = scrape(port, "jvm_memory_max_bytes", "area=\"heap\"");
            Double live = scrape(port, "jvm_gc_live_data_size_bytes", "");
            if (used != null) {
                heap.put("usedMb", Math.round(used / 1024 / 1024 * 10) / 10.0);
            }
            if (live != null) {
                heap.put("liveAfterGcMb", Math.round(live / 1024 / 1024 * 10) / 10.0);
            }
            if (max != null) {
                heap.put("maxMb", Math.round(max / 1024 / 1024 * 10) / 10.0);
            }
            heaps.put(service, heap);
        });
        return heaps;
    }

    /** The sum of a metric's series whose labels contain {@code labels}; null when the service did not answer. */
    private Double scrape(int port, String metric, String labels) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/actuator/prometheus?includedNames=" + metric))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            double total = 0;
            boolean found = false;
            for (String line : body.split("\n")) {
                if (line.startsWith(metric) && line.contains(labels)) {
                    double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    if (value > 0) {
                        total += value;
                    }
                    found = true;
                }
            }
            return found ? total : null;
        } catch (Exception e) {
            return null;
        }
    }

    private void sampleProcess(String name, long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            long now = System.nanoTime();
            long[] last = lastCpu.put(name + pid, new long[] {ticks, now});
            if (last != null) {
                double cpuSeconds = (ticks - last[0]) / (double) ticksPerSecond;
                double wallSeconds = (now - last[1]) / 1e9;
                record("cpu_percent." + name, 100 * cpuSeconds / wallSeconds);
            }
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    record("rss_mb." + name, Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
                }
            }
        } catch (Exception e) {
            // the process was just killed by a drill
        }
    }

    private synchronized void record(String name, double value) {
        series.computeIfAbsent(name, k -> new Series()).add(realTime.millis(), value);
    }

    /** The consumers' total lag (every group) as last sampled at or before {@code epochMillis}; NaN if never. */
    public synchronized double totalLagAt(long epochMillis) {
        double total = 0;
        boolean any = false;
        for (String group : GROUPS) {
            Series s = series.get("kafka_lag." + group);
            Double value = s == null ? null : s.at(epochMillis);
            if (value != null) {
                total += value;
                any = true;
            }
        }
        return any ? total : Double.NaN;
    }

    /** Per series: samples, mean, max, last. */
    public synchronized Map<String, Map<String, Double>> summary() {
        Map<String, Map<String, Double>> out = new TreeMap<>();
        series.forEach((name, s) -> out.put(name, s.summary()));
        return out;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }

    private static final class Series {
        private final List<Double> values = new ArrayList<>();
        private final List<Long> times = new ArrayList<>();

        void add(long epochMillis, double value) {
            times.add(epochMillis);
            values.add(value);
        }

        Double at(long epochMillis) {
            Double found = null;
            for (int i = 0; i < times.size() && times.get(i) <= epochMillis; i++) {
                found = values.get(i);
            }
            return found;
        }

        Map<String, Double> summary() {
            Map<String, Double> out = new TreeMap<>();
            double sum = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                sum += v;
                max = Math.max(max, v);
            }
            out.put("samples", (double) values.size());
            out.put("mean", values.isEmpty() ? 0 : sum / values.size());
            out.put("max", values.isEmpty() ? 0 : max);
            out.put("last", values.isEmpty() ? 0 : values.get(values.size() - 1));
            return out;
        }
    }
}
