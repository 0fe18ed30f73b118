package io.cityloop.notification.delivery.application;

import java.util.List;

/** A subscription as a caller writes it, unchecked: {@link SubscriptionService} validates every field. */
public record SubscriptionDraft(
        String scope,
        String target,
        String unitId,
        String channel,
        String endpoint,
        String secret,
        List<String> kinds,
        String quietFrom,
        String quietTo,
        Integer digestSeconds) {
}
