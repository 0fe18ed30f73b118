package io.cityloop.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventTopics;

/**
 * Publishes outbox entries and removes each one only after Kafka acknowledged it, so a crash in between re-publishes
 * the same event id and consumers drop the copy. Several replicas may relay at once for the same reason.
 * An entry that fails stops its document's remaining entries, which keeps one case's events in order.
 *
 * <p>A store that wrote events names the document in {@link #nudge(String, Object)}, and the relay drains it by
 * {@code _id} at once. Scanning the collection for any document with events left is only the safety net (entries
 * a crashed replica wrote, a publish that failed) and runs every {@code sweepInterval}: a scan per write would cost
 * a pass over every case on the embedded server, which answers such a query without an index.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final List<OutboxCollection> collections;
    private final Duration sweepInterval;
    private final Duration sendTimeout;
    private final Semaphore wakeUp = new Semaphore(0);
    private final Map<String, Set<Object>> written = new ConcurrentHashMap<>();
    private final AtomicInteger backlog = new AtomicInteger();
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, List<OutboxCollection> collections,
                       Duration sweepInterval, Duration sendTimeout) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.sweepInterval = sweepInterval;
        this.sendTimeout = sendTimeout;
    }

    /**
     * Tells the relay that {@code documentId} in {@code collection} now holds events, so they are published now
     * instead of at the next sweep; this keeps the loop's latency low.
     */
    public void nudge(String collection, Object documentId) {
        written.computeIfAbsent(collection, name -> ConcurrentHashMap.newKeySet()).add(documentId);
        wakeUp.release();
    }

    /** Documents that still held unpublished events at the last sweep. */
    public int backlog() {
        return backlog.get();
    }

    /** Publishes the events of the documents named since the last round; returns the number published. */
    public int publishWritten() {
        int published = 0;
        for (OutboxCollection collection : collections) {
            Set<Object> named = written.get(collection.name());
            if (named == null || named.isEmpty()) {
                continue;
            }
            List<Object> ids = new ArrayList<>(named);
            named.removeAll(ids);
            for (int from = 0; from < ids.size(); from += BATCH) {
                List<Object> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
                published += drainAll(collection, Criteria.where("_id").in(batch));
            }
        }
        return published;
    }

    /** One sweep over every registered collection for events left behind; returns the number published. */
    public int publishPending() {
        int published = 0;
        int pendingDocuments = 0;
        for (OutboxCollection collection : collections) {
            Query pending = new Query(Criteria.where("outbox.0").exists(true)).limit(BATCH);
            pending.fields().include("outbox");
            List<Document> documents = mongo.find(pending, Document.class, collection.name());
            pendingDocuments += documents.size();
            for (Document document : documents) {
                published += drain(collection, document);
            }
        }
        backlog.set(pendingDocuments);
        return published;
    }

    private int drainAll(OutboxCollection collection, Criteria documents) {
        Query query = new Query(documents);
        query.fields().include("outbox");
        int published = 0;
        for (Document document : mongo.find(query, Document.class, collection.name())) {
            published += drain(collection, document);
        }
        return published;
    }

    private int drain(OutboxCollection collection, Document document) {
        int published = 0;
        for (Document entry : document.getList("outbox", Document.class, List.of())) {
            String eventId = entry.getString("eventId");
            try {
                ProducerRecord<String, String> record = new ProducerRecord<>(CaseEventTopics.CASE_EVENTS,
                        entry.getString("key"), entry.getString("payload"));
                record.headers().add("content-type", CaseEvent.CONTENT_TYPE.getBytes());
                kafka.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return published;
            } catch (Exception e) {
                log.warn("outbox event {} of {} not published yet: {}", eventId, document.get("_id"), e.toString());
                return published;
            }
            mongo.updateFirst(new Query(Criteria.where("_id").is(document.get("_id"))),
                    new Update().pull("outbox", new Document("eventId", eventId)), collection.name());
            published++;
        }
        return published;
    }

    private void loop() {
        long nextSweep = System.nanoTime();
        while (running) {
            try {
                publishWritten();
                if (System.nanoTime() - nextSweep >= 0) {
                    nextSweep = System.nanoTime() + sweepInterval.toNanos();
                    if (publishPending() > 0 && backlog.get() >= BATCH) {
                        // a backlog left by an outage drains batch after batch, not one batch per interval
                        nextSweep = System.nanoTime();
                    }
                }
            } catch (RuntimeException e) {
                log.warn("outbox round failed, retrying: {}", e.toString());
            }
            try {
                long untilSweep = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextSweep - System.nanoTime()));
                if (wakeUp.tryAcquire(untilSweep, TimeUnit.MILLISECONDS)) {
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(sendTimeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
