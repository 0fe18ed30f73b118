package io.cityloop.platform.outbox;

import java.time.Duration;
import java.util.List;
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
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final List<OutboxCollection> collections;
    private final Duration pollInterval;
    private final Duration sendTimeout;
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicInteger backlog = new AtomicInteger();
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, List<OutboxCollection> collections,
                       Duration pollInterval, Duration sendTimeout) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.pollInterval = pollInterval;
        this.sendTimeout = sendTimeout;
    }

    /** Asks for a publishing round now instead of at the next poll, to keep the loop's latency low. */
    public void nudge() {
        wakeUp.release();
    }

    /** Documents that still held unpublished events at the last round. */
    public int backlog() {
        return backlog.get();
    }

    /** One publishing round over every registered collection; returns the number of events published. */
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

    private int drain(OutboxCollection collection, Document document) {
        int published = 0;
        for (Document entry : document.getList("outbox", Document.class)) {
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
        while (running) {
            try {
                publishPending();
            } catch (RuntimeException e) {
                log.warn("outbox round failed, retrying: {}", e.toString());
            }
            try {
                if (wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
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
