package io.cityloop.notification.delivery.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.cityloop.notification.delivery.model.Channel;
import io.cityloop.notification.delivery.model.Delivery;
import io.cityloop.notification.delivery.model.DeliveryStatus;
import io.cityloop.notification.delivery.model.RetryPolicy;
import io.cityloop.notification.delivery.model.SendOutcome;
import io.cityloop.notification.delivery.model.Subscription;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Sends what the outbox of deliveries holds. Each poll reads the due deliveries; for each it asks the channel's and
 * the endpoint's bulkhead and breaker for a permit, claims the delivery (a lease, so a crashed attempt is tried again
 * and two replicas never send at once) and hands it to the sender pool. A delivery whose breaker is open or whose
 * bulkhead is full is postponed a little without counting an attempt, so it never blocks the others. A failed attempt
 * is retried with exponential back-off and jitter; after the last one the delivery is dead-lettered
 * ({@link DeliveryStatus#FAILED}); a 410 Gone also stops the subscription.
 */
@Component
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryStore deliveries;
    private final SubscriptionStore subscriptions;
    private final Map<Channel, ChannelAdapter> adapters = new EnumMap<>(Channel.class);
    private final DeliveryGuards guards;
    private final DeliveryMetrics metrics;
    private final DeliveryProperties properties;
    private final RetryPolicy retry;
    private final Clock wallClock = Clock.systemUTC();
    private final AtomicBoolean pollQueued = new AtomicBoolean();
    private volatile boolean running;
    private ScheduledExecutorService poller;
    private ExecutorService senders;

    public DeliveryWorker(DeliveryStore deliveries, SubscriptionStore subscriptions, List<ChannelAdapter> adapters,
                          DeliveryGuards guards, DeliveryMetrics metrics, DeliveryProperties properties) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        adapters.forEach(adapter -> this.adapters.put(adapter.channel(), adapter));
        this.guards = guards;
        this.metrics = metrics;
        this.properties = properties;
        this.retry = new RetryPolicy(properties.getRetry().getMaxAttempts(), properties.getRetry().getBaseDelay(),
                properties.getRetry().getMaxDelay());
    }

    @Override
    public synchronized void start() {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "delivery-poller"));
        // The bulkheads bound attempts in flight to channelConcurrency per channel, so the pool never waits for one.
        senders = Executors.newFixedThreadPool(properties.getChannelConcurrency() * Channel.values().length,
                runnable -> daemon(runnable, "delivery-sender"));
        running = true;
        long interval = Math.max(properties.getPollInterval().toMillis(), 10);
        poller.scheduleWithFixedDelay(this::pollSafely, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (poller != null) {
            poller.shutdownNow();
            senders.shutdown();
            try {
                // An attempt cut short here is sent again after its lease: at least once.
                senders.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            senders.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** A delivery was recorded that is due now: poll at once instead of at the next tick. */
    public void wakeUp() {
        if (running && pollQueued.compareAndSet(false, true)) {
            try {
                poller.execute(() -> {
                    pollQueued.set(false);
                    pollSafely();
                });
            } catch (RuntimeException shuttingDown) {
                pollQueued.set(false);
            }
        }
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            // MongoDB away, most likely: the next tick tries again; nothing is lost, the deliveries are stored.
            log.warn("delivery poll failed: {}", e.toString());
        }
    }

    void poll() {
        Instant now = wallClock.instant();
        for (Delivery delivery : deliveries.due(now, properties.getBatchSize())) {
            if (!running) {
                return;
            }
            offer(delivery, now);
        }
    }

    private void offer(Delivery delivery, Instant now) {
        Channel channel = delivery.channel();
        Bulkhead channelBulkhead = guards.channelBulkhead(channel);
        Bulkhead endpointBulkhead = guards.endpointBulkhead(channel, delivery.endpointKey());
        if (!channelBulkhead.tryAcquirePermission()) {
            postpone(delivery, now, properties.getBulkheadFullDelay(), "bulkhead-full");
            return;
        }
        if (!endpointBulkhead.tryAcquirePermission()) {
            channelBulkhead.releasePermission();
            postpone(delivery, now, properties.getBulkheadFullDelay(), "bulkhead-full");
            return;
        }
        CircuitBreaker channelBreaker = guards.channelBreaker(channel);
        CircuitBreaker endpointBreaker = guards.endpointBreaker(channel, delivery.endpointKey());
        boolean channelPermit = channelBreaker.tryAcquirePermission();
        boolean endpointPermit = channelPermit && endpointBreaker.tryAcquirePermission();
        if (!endpointPermit) {
            if (channelPermit) {
                channelBreaker.releasePermission();
            }
            endpointBulkhead.releasePermission();
            channelBulkhead.releasePermission();
            postpone(delivery, now, properties.getBreakerOpenDelay(), "breaker-open");
            return;
        }
        boolean claimed;
        try {
            claimed = deliveries.claim(delivery.id(), delivery.nextAttemptAt(), now.plus(properties.getLease()));
        } catch (RuntimeException e) {
            claimed = false;
            log.warn("could not claim delivery {}: {}", delivery.id(), e.toString());
        }
        if (!claimed) {
            channelBreaker.releasePermission();
            endpointBreaker.releasePermission();
            endpointBulkhead.releasePermission();
            channelBulkhead.releasePermission();
            return;
        }
        try {
            senders.execute(() -> {
                try {
                    attempt(delivery, channelBreaker, endpointBreaker);
                } finally {
                    endpointBulkhead.onComplete();
                    channelBulkhead.onComplete();
                }
            });
        } catch (RuntimeException rejected) {
            // Shutting down: the lease runs out and the delivery is sent after the restart.
            channelBreaker.releasePermission();
            endpointBreaker.releasePermission();
            endpointBulkhead.releasePermission();
            channelBulkhead.releasePermission();
        }
    }

    private void postpone(Delivery delivery, Instant now, Duration delay, String outcome) {
        long jitter = ThreadLocalRandom.current().nextLong(Math.max(delay.toMillis() / 2, 1));
        if (deliveries.postpone(delivery.id(), delivery.nextAttemptAt(), now.plus(delay).plusMillis(jitter))) {
            metrics.count(delivery.channel(), "postponed-" + outcome);
        }
    }

    private void attempt(Delivery delivery, CircuitBreaker channelBreaker, CircuitBreaker endpointBreaker) {
        Channel channel = delivery.channel();
        int attempts = delivery.attempts() + 1;
        Optional<Subscription> subscription;
        try {
            subscription = subscriptions.find(delivery.subscriptionId());
        } catch (RuntimeException e) {
            channelBreaker.releasePermission();
            endpointBreaker.releasePermission();
            log.warn("delivery {}: subscription not readable, tried again after the lease: {}", delivery.id(),
                    e.toString());
            return;
        }
        if (subscription.isEmpty() || !subscription.get().active()) {
            channelBreaker.releasePermission();
            endpointBreaker.releasePermission();
            deliveries.markFinal(delivery.id(), DeliveryStatus.CANCELLED, delivery.attempts(),
                    subscription.map(Subscription::stoppedReason).orElse("subscription deleted"));
            metrics.count(channel, "cancelled");
            return;
        }
        long started = System.nanoTime();
        SendOutcome outcome;
        try {
            outcome = adapters.get(channel).send(delivery, subscription.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = SendOutcome.retry("interrupted");
        } catch (Exception e) {
            outcome = SendOutcome.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        long took = System.nanoTime() - started;
        Instant now = wallClock.instant();
        try {
            record(delivery, subscription.get(), attempts, outcome, took, now, channelBreaker, endpointBreaker);
        } catch (RuntimeException e) {
            // The receiver has it, but the outcome was not stored: sent again after the lease (at least once).
            log.warn("delivery {}: outcome {} not stored: {}", delivery.id(), outcome.kind(), e.toString());
        }
    }

    private void record(Delivery delivery, Subscription subscription, int attempts, SendOutcome outcome, long took,
                        Instant now, CircuitBreaker channelBreaker, CircuitBreaker endpointBreaker) {
        Channel channel = delivery.channel();
        switch (outcome.kind()) {
            case SENT -> {
                channelBreaker.onSuccess(took, TimeUnit.NANOSECONDS);
                endpointBreaker.onSuccess(took, TimeUnit.NANOSECONDS);
                deliveries.markSent(delivery.id(), attempts, now, outcome.detail());
                metrics.count(channel, "sent");
                metrics.latency(channel, delivery.publishedAt(), now);
            }
            case RETRY -> {
                DeliveryFailure failure = new DeliveryFailure(outcome.detail());
                channelBreaker.onError(took, TimeUnit.NANOSECONDS, failure);
                endpointBreaker.onError(took, TimeUnit.NANOSECONDS, failure);
                if (retry.retriesAfter(attempts)) {
                    Duration delay = retry.delayAfter(attempts, ThreadLocalRandom.current().nextDouble());
                    deliveries.retryLater(delivery.id(), attempts, now.plus(delay), outcome.detail());
                    metrics.count(channel, "retried");
                } else {
                    deliveries.markFinal(delivery.id(), DeliveryStatus.FAILED, attempts,
                            "dead-lettered after " + attempts + " attempts: " + outcome.detail());
                    metrics.count(channel, "failed");
                    log.warn("delivery {} to {} dead-lettered after {} attempts: {}", delivery.id(),
                            delivery.endpointKey(), attempts, outcome.detail());
                }
            }
            case REFUSED -> {
                // The receiver is alive and answered: not a breaker failure, but retrying cannot help.
                channelBreaker.onSuccess(took, TimeUnit.NANOSECONDS);
                endpointBreaker.onSuccess(took, TimeUnit.NANOSECONDS);
                deliveries.markFinal(delivery.id(), DeliveryStatus.FAILED, attempts, "refused: " + outcome.detail());
                metrics.count(channel, "failed");
                log.warn("delivery {} to {} refused: {}", delivery.id(), delivery.endpointKey(), outcome.detail());
            }
            case GONE -> {
                channelBreaker.onSuccess(took, TimeUnit.NANOSECONDS);
                endpointBreaker.onSuccess(took, TimeUnit.NANOSECONDS);
                subscriptions.stop(subscription.id(), "receiver answered 410 Gone at " + now);
                deliveries.markFinal(delivery.id(), DeliveryStatus.FAILED, attempts, "gone: " + outcome.detail());
                metrics.count(channel, "gone");
                log.warn("subscription {} stopped: its receiver answered 410 Gone", subscription.id());
            }
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** A failed attempt as the breakers record it. */
    static final class DeliveryFailure extends RuntimeException {
        DeliveryFailure(String message) {
            super(message, null, false, false);
        }
    }
}
