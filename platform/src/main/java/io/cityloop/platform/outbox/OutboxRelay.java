package io.cityloop.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
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
            published += drain(collection, documents);
        }
        backlog.set(pendingDocuments);
        return published;
    }

    private int drainAll(OutboxCollection collection, Criteria documents) {
        Query query = new Query(documents);
        query.fields().include("outbox");
        return drain(collection, mongo.find(query, Document.class, collection.name()));
    }

    /**
     * Publishes the entries of many documents in rounds: the first entry of every document at once, then the second of
     * each whose first was acknowledged, and so on. One round waits for Kafka once, where one event at a time waited
     * once per event and capped the relay at a few hundred events a second; a document's next entry is sent only
     * after its previous one was acknowledged, so one case's events stay in order, and a failure stops only that
     * document. The acknowledged entries leave their documents in one bulk write.
     */
    private int drain(OutboxCollection collection, List<Document> documents) {
        List<PendingDocument> active = new ArrayList<>();
        for (Document document : documents) {
            List<Document> entries = document.getList("outbox", Document.class, List.of());
            if (!entries.isEmpty()) {
                active.add(new PendingDocument(document.get("_id"), entries));
            }
        }
        List<PendingDocument> all = List.copyOf(active);
        for (int round = 0; !active.isEmpty() && !Thread.currentThread().isInterrupted(); round++) {
            List<CompletableFuture<?>> sent = new ArrayList<>(active.size());
            for (PendingDocument document : active) {
                Document entry = document.entries().get(round);
                ProducerRecord<String, String> record = new ProducerRecord<>(CaseEventTopics.CASE_EVENTS,
                        entry.getString("key"), entry.getString("payload"));
                record.headers().add("content-type", CaseEvent.CONTENT_TYPE.getBytes());
                sent.add(kafka.send(record));
            }
            long deadline = System.nanoTime() + sendTimeout.toNanos();
            List<PendingDocument> next = new ArrayList<>(active.size());
            for (int i = 0; i < active.size(); i++) {
                PendingDocument document = active.get(i);
                String eventId = document.entries().get(round).getString("eventId");
                if (acknowledged(sent.get(i), deadline, eventId, document.id())) {
                    document.published().add(eventId);
                    if (round + 1 < document.entries().size()) {
                        next.add(document);
                    }
                }
            }
            active = next;
        }
        return removePublished(collection, all);
    }

    private boolean acknowledged(CompletableFuture<?> send, long deadline, String eventId, Object documentId) {
        try {
            send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("outbox event {} of {} not published yet: {}", eventId, documentId, e.toString());
            return false;
        }
    }

    private int removePublished(OutboxCollection collection, List<PendingDocument> documents) {
        BulkOperations removals = null;
        int published = 0;
        for (PendingDocument document : documents) {
            if (document.published().isEmpty()) {
                continue;
            }
            if (removals == null) {
                removals = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection.name());
            }
            removals.updateOne(new Query(Criteria.where("_id").is(document.id())), new Update().pull("outbox",
                    new Document("eventId", new Document("$in", document.published()))));
            published += document.published().size();
        }
        if (removals != null) {
            removals.execute();
        }
        return published;
    }

    /** A document's unpublished entries in their order, and those Kafka acknowledged in this pass. */
    private record PendingDocument(Object id, List<Document> entries, List<String> published) {
        PendingDocument(Object id, List<Document> entries) {
            this(id, entries, new ArrayList<>());
        }
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
