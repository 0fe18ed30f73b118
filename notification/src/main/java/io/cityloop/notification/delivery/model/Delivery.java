package io.cityloop.notification.delivery.model;

import java.time.Instant;
import java.util.List;

/**
 * 投递: one message to one subscription's endpoint, recorded before it is sent. Its id is the deduplication key a
 * receiver sees: derived from the notification and the subscription (or the subscription and the digest's window), so
 * a redelivered or replayed event yields the same delivery and never a second one.
 *
 * @param endpointKey  names the breaker and bulkhead of the receiver, never a secret (no query string)
 * @param attempts     sends tried so far
 * @param nextAttemptAt when the worker may try it (wall clock); also the lease while an attempt runs
 * @param publishedAt  when the causing event was published to Kafka, for the event → delivery latency
 */
public record Delivery(
        String id,
        String subscriptionId,
        Channel channel,
        String endpointKey,
        String unitId,
        boolean urgent,
        boolean digest,
        List<DeliveryItem> items,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        Instant createdAt,
        Instant publishedAt,
        Instant sentAt,
        String lastError) {

    public static String idFor(String notificationId, String subscriptionId) {
        return notificationId + "~" + subscriptionId;
    }

    public static String digestIdFor(String subscriptionId, Instant windowStart) {
        return "digest~" + subscriptionId + "~" + windowStart.getEpochSecond();
    }

    /** The title a channel shows: the notice's own, or a count for a digest. */
    public String title() {
        if (items.size() == 1) {
            return items.get(0).title();
        }
        return "城管通知汇总（" + items.size() + " 条）";
    }

    /** The text a channel shows: the notice's own, or one numbered line per notice of a digest. */
    public String text() {
        if (items.size() == 1) {
            return items.get(0).message();
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            DeliveryItem item = items.get(i);
            text.append(i + 1).append(". 【").append(item.title()).append("】").append(item.message());
            if (i < items.size() - 1) {
                text.append('\n');
            }
        }
        return text.toString();
    }
}
