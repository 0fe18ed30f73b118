package io.cityloop.bench.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.cityloop.infra.KafkaTopics;

/**
 * The floor the design cannot beat: the same number of events through the same number of Kafka hops, with no
 * business logic and no database. A producer writes events (keyed like case ids, about the size of a CloudEvent)
 * to hop 0; a relay per hop consumes and re-produces to the next topic with the services' producer settings (acks
 * all, idempotence); a sink at the end measures each event's real time through all hops.
 *
 * <p>Two phases on the same relay chain: a <em>burst</em> of N events sent at once gives the throughput ceiling
 * (its latencies include queueing behind the burst), then a <em>paced</em> phase sends events one at a time at a
 * modest rate, so each finds the chain idle: that is the one-hop latency floor a case's step is compared with.
 */
public final class KafkaHopBaseline {

    private static final int PARTITIONS = 12;

    /** Events per second of the paced phase: far below the ceiling, so no event waits for another. */
    static final int PACED_RATE = 50;

    public record Result(int events, int hops, double seconds, double eventsPerSecond,
                         Map<String, Double> endToEndMillis, Map<String, Double> perHopMillis,
                         int pacedEvents, int pacedRate, Map<String, Double> pacedEndToEndMillis,
                         Map<String, Double> pacedPerHopMillis) {
    }

    public static Result run(String bootstrapServers, int events, int pacedEvents, int hops) throws Exception {
        String prefix = "bench.baseline." + System.nanoTime() + ".hop-";
        Map<String, Integer> topics = new java.util.HashMap<>();
        for (int hop = 0; hop <= hops; hop++) {
            topics.put(prefix + hop, PARTITIONS);
        }
        // Created and awaited writable like the system's own topics: an idempotent producer racing topic creation
        // gets stuck in OUT_OF_ORDER_SEQUENCE_NUMBER (KAFKA-15591).
        KafkaTopics.ensureTopics(bootstrapServers, topics, Duration.ofSeconds(60));
        List<Thread> relays = new ArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        CountDownLatch ready = new CountDownLatch(hops + 1);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(events);
        List<Long> pacedLatencies = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch pacedDone = new CountDownLatch(pacedEvents);
        for (int hop = 0; hop < hops; hop++) {
            relays.add(relay(bootstrapServers, prefix + hop, prefix + (hop + 1), ready, running));
        }
        relays.add(sink(bootstrapServers, prefix + hops, Map.of(BURST, latencies, PACED, pacedLatencies),
                Map.of(BURST, done, PACED, pacedDone), ready, running));
        relays.forEach(Thread::start);
        ready.await(60, TimeUnit.SECONDS);
        String padding = "x".repeat(600);
        long start = System.nanoTime();
        boolean complete;
        double seconds;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(bootstrapServers))) {
            for (int i = 0; i < events; i++) {
                producer.send(new ProducerRecord<>(prefix + 0, "CL2026110200" + (i % 5000),
                        BURST + System.nanoTime() + "|" + padding));
            }
            producer.flush();
            complete = done.await(10, TimeUnit.MINUTES);
            seconds = (System.nanoTime() - start) / 1e9;
            long interval = TimeUnit.SECONDS.toNanos(1) / PACED_RATE;
            long next = System.nanoTime();
            for (int i = 0; i < pacedEvents && complete; i++) {
                next += interval;
                TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
                producer.send(new ProducerRecord<>(prefix + 0, "CL2026110201" + (i % 5000),
                        PACED + System.nanoTime() + "|" + padding));
            }
        }
        complete = complete && pacedDone.await(2, TimeUnit.MINUTES);
        running.set(false);
        for (Thread relay : relays) {
            relay.join(10_000);
        }
        if (!complete) {
            throw new IllegalStateException("baseline relay did not deliver all " + events + " + " + pacedEvents
                    + " events");
        }
        Map<String, Double> endToEnd = Percentiles.of(latencies);
        Map<String, Double> paced = Percentiles.of(pacedLatencies);
        return new Result(events, hops, seconds, events / seconds, endToEnd, perHop(endToEnd, hops),
                pacedEvents, PACED_RATE, paced, perHop(paced, hops));
    }

    private static final String BURST = "B";
    private static final String PACED = "P";

    private static Map<String, Double> perHop(Map<String, Double> endToEnd, int hops) {
        Map<String, Double> perHop = new TreeMap<>();
        endToEnd.forEach((k, v) -> perHop.put(k, k.equals("count") ? v : v / hops));
        return perHop;
    }

    private static Thread relay(String bootstrap, String from, String to, CountDownLatch ready,
                                java.util.concurrent.atomic.AtomicBoolean running) {
        return new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(bootstrap, from));
                 KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(bootstrap))) {
                consumer.subscribe(List.of(from));
                awaitAssignment(consumer, ready);
                while (running.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        producer.send(new ProducerRecord<>(to, record.key(), record.value()));
                    }
                    consumer.commitAsync();
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                Thread.currentThread().interrupt();
            }
        }, "baseline-relay-" + from);
    }

    private static Thread sink(String bootstrap, String topic, Map<String, List<Long>> latencies,
                               Map<String, CountDownLatch> done, CountDownLatch ready,
                               java.util.concurrent.atomic.AtomicBoolean running) {
        return new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(bootstrap, topic))) {
                consumer.subscribe(List.of(topic));
                awaitAssignment(consumer, ready);
                while (running.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        String value = record.value();
                        String phase = value.substring(0, 1);
                        long sent = Long.parseLong(value.substring(1, value.indexOf('|')));
                        latencies.get(phase).add((System.nanoTime() - sent) / 1_000_000);
                        done.get(phase).countDown();
                    }
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                Thread.currentThread().interrupt();
            }
        }, "baseline-sink");
    }

    private static void awaitAssignment(KafkaConsumer<String, String> consumer, CountDownLatch ready) {
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        ready.countDown();
    }

    private static Properties producerConfig(String bootstrap) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return config;
    }

    private static Properties consumerConfig(String bootstrap, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "baseline-" + topic);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return config;
    }
}
