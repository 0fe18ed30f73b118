package io.cityloop.bench.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the whole case-events topic after a run and measures from it, in real time (the records' broker
 * timestamps, not the simulated business time inside the events): stage latencies reported → dispatched,
 * filed → dispatched (one Kafka hop with business logic) and last handled → closed; closed cases per second; how
 * many events were published more than once (same event id: a re-publish after a crash); and reports that became
 * two cases (same bench tag in the description, different case ids), which must never happen.
 */
public final class TopicAudit {

    private static final Pattern TAG = Pattern.compile("\\[B(\\d+)]");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Result(long events, long republishedEvents, Map<String, Long> eventsByType,
                         Map<String, Map<String, Double>> stageLatencyMillis, double closedPerSecond,
                         long closedCases, long duplicateCases, Set<String> reportedCaseIds) {
    }

    public static Result read(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (!reachedEnd(consumer, ends)) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return analyse(records);
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    static Result analyse(List<ConsumerRecord<String, String>> records) {
        Set<String> eventIds = new HashSet<>();
        long republished = 0;
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Map<String, Long>> firstAt = new HashMap<>();
        Map<String, Long> lastHandled = new HashMap<>();
        Map<String, Set<String>> casesOfTag = new HashMap<>();
        Set<String> reported = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode event;
            try {
                event = JSON.readTree(record.value());
            } catch (RuntimeException e) {
                continue;
            }
            if (!eventIds.add(event.path("id").asString())) {
                republished++;
                continue;
            }
            String type = shortType(event.path("type").asString());
            String caseId = event.path("subject").asString(record.key());
            byType.merge(type, 1L, Long::sum);
            firstAt.computeIfAbsent(caseId, k -> new HashMap<>()).putIfAbsent(type, record.timestamp());
            if (type.equals("handled")) {
                lastHandled.merge(caseId, record.timestamp(), Math::max);
            }
            if (type.equals("reported")) {
                reported.add(caseId);
                Matcher tag = TAG.matcher(event.path("data").path("description").asString(""));
                if (tag.find()) {
                    casesOfTag.computeIfAbsent(tag.group(1), k -> new HashSet<>()).add(caseId);
                }
            }
        }
        List<Long> reportedToDispatched = new ArrayList<>();
        List<Long> filedToDispatched = new ArrayList<>();
        List<Long> handledToClosed = new ArrayList<>();
        List<Long> reportedToClosed = new ArrayList<>();
        long firstReport = Long.MAX_VALUE;
        long lastClose = Long.MIN_VALUE;
        long closed = 0;
        for (Map.Entry<String, Map<String, Long>> entry : firstAt.entrySet()) {
            Map<String, Long> at = entry.getValue();
            between(at.get("reported"), at.get("dispatched"), reportedToDispatched);
            between(at.get("filed"), at.get("dispatched"), filedToDispatched);
            between(lastHandled.get(entry.getKey()), at.get("closed"), handledToClosed);
            between(at.get("reported"), at.get("closed"), reportedToClosed);
            if (at.containsKey("reported")) {
                firstReport = Math.min(firstReport, at.get("reported"));
            }
            if (at.containsKey("closed")) {
                closed++;
                lastClose = Math.max(lastClose, at.get("closed"));
            }
        }
        Map<String, Map<String, Double>> stages = new TreeMap<>();
        stages.put("reported→dispatched", Percentiles.of(reportedToDispatched));
        stages.put("filed→dispatched", Percentiles.of(filedToDispatched));
        stages.put("handled→closed", Percentiles.of(handledToClosed));
        stages.put("reported→closed", Percentiles.of(reportedToClosed));
        double closedPerSecond = closed == 0 || lastClose <= firstReport ? 0
                : closed / ((lastClose - firstReport) / 1000.0);
        long duplicates = casesOfTag.values().stream().filter(ids -> ids.size() > 1).mapToLong(ids -> ids.size() - 1).sum();
        return new Result(eventIds.size(), republished, byType, stages, closedPerSecond, closed, duplicates, reported);
    }

    private static void between(Long from, Long to, List<Long> into) {
        if (from != null && to != null) {
            into.add(to - from);
        }
    }

    /** {@code cityloop.case.reported.v1} → {@code reported}. */
    static String shortType(String type) {
        String[] parts = type.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : type;
    }
}
