package io.cityloop.notification.delivery.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.cityloop.notification.delivery.model.Channel;
import io.cityloop.notification.delivery.model.Delivery;
import io.cityloop.notification.delivery.model.DeliveryItem;
import io.cityloop.notification.delivery.model.DeliveryStatus;
import io.cityloop.notification.delivery.model.Subscription;
import io.cityloop.notification.inbox.application.NotificationListener;
import io.cityloop.notification.inbox.model.Notification;

/**
 * Records one delivery per subscription that wants a notification, before anything is sent (the outbox of
 * deliveries). Quiet hours hold a non-urgent delivery until they end; a digest subscription collects the non-urgent
 * notices of its window into one delivery sent when the window ends. The worker ({@link DeliveryWorker}) sends.
 */
@Component
public class DeliveryPlanner implements NotificationListener {

    private static final Logger log = LoggerFactory.getLogger(DeliveryPlanner.class);

    private final SubscriptionStore subscriptions;
    private final DeliveryStore deliveries;
    private final Map<Channel, ChannelAdapter> adapters = new EnumMap<>(Channel.class);
    private final Clock businessClock;
    private final Clock wallClock;
    private final DeliveryMetrics metrics;
    private final DeliveryWorker worker;

    public DeliveryPlanner(SubscriptionStore subscriptions, DeliveryStore deliveries, List<ChannelAdapter> adapters,
                           Clock clock, DeliveryMetrics metrics, DeliveryWorker worker) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        adapters.forEach(adapter -> this.adapters.put(adapter.channel(), adapter));
        this.businessClock = clock;
        this.wallClock = Clock.systemUTC();
        this.metrics = metrics;
        this.worker = worker;
    }

    @Override
    public void recorded(Notification notification, boolean first, boolean urgent, Instant publishedAt) {
        Instant now = wallClock.instant();
        LocalTime localTime = LocalTime.now(businessClock);
        boolean planned = false;
        for (Subscription subscription : subscriptions.active()) {
            if (!subscription.wants(notification.kind().name(), notification.unitId())) {
                continue;
            }
            ChannelAdapter adapter = adapters.get(subscription.channel());
            if (adapter == null || !adapter.enabled()) {
                log.warn("subscription {} wants {} but channel {} is not configured here", subscription.id(),
                        notification.id(), subscription.channel());
                continue;
            }
            planned |= plan(notification, urgent, publishedAt, subscription, adapter.endpointKey(subscription), now,
                    localTime);
        }
        if (planned) {
            worker.wakeUp();
        }
    }

    @Override
    public void read(Notification notification) {
        deliveries.markRead(notification.id());
    }

    private boolean plan(Notification notification, boolean urgent, Instant publishedAt, Subscription subscription,
                         String endpointKey, Instant now, LocalTime localTime) {
        DeliveryItem item = new DeliveryItem(notification.id(), notification.kind().name(), notification.caseId(),
                notification.taskId(), notification.unitId(), notification.title(), notification.message(),
                notification.createdAt());
        Duration quiet = urgent || subscription.quietHours() == null ? Duration.ZERO
                : subscription.quietHours().remainingAt(localTime);
        Instant earliest = now.plus(quiet);
        if (!urgent && subscription.digests()) {
            long window = subscription.digestWindow().toMillis();
            Instant windowStart = Instant.ofEpochMilli(now.toEpochMilli() / window * window);
            Instant windowEnd = windowStart.plusMillis(window);
            Delivery digest = new Delivery(Delivery.digestIdFor(subscription.id(), windowStart), subscription.id(),
                    subscription.channel(), endpointKey, subscription.unitId(), false, true, List.of(),
                    DeliveryStatus.PENDING, 0, windowEnd.isAfter(earliest) ? windowEnd : earliest, now, publishedAt,
                    null, null);
            if (deliveries.addToDigest(digest, item)) {
                metrics.count(subscription.channel(), "recorded");
                return false;
            }
        }
        Delivery delivery = new Delivery(Delivery.idFor(notification.id(), subscription.id()), subscription.id(),
                subscription.channel(), endpointKey, notification.unitId(), urgent, false, List.of(item),
                DeliveryStatus.PENDING, 0, earliest, now, publishedAt, null, null);
        if (deliveries.insertIfAbsent(delivery)) {
            metrics.count(subscription.channel(), "recorded");
            return quiet.isZero();
        }
        return false;
    }
}
