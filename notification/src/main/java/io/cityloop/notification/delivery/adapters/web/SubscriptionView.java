package io.cityloop.notification.delivery.adapters.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import io.cityloop.notification.delivery.model.Subscription;

/**
 * A subscription as JSON. The secret is never shown ({@code secretSet} says whether there is one), nor a URL's query,
 * which holds a robot's key or token.
 */
public record SubscriptionView(
        String id,
        String scope,
        String target,
        String unitId,
        String channel,
        String endpoint,
        boolean secretSet,
        List<String> kinds,
        String quietFrom,
        String quietTo,
        long digestSeconds,
        boolean active,
        String stoppedReason,
        String createdBy,
        OffsetDateTime createdAt) {

    static SubscriptionView of(Subscription s, ZoneId zone) {
        return new SubscriptionView(s.id(), s.scope().name(), s.target(), s.unitId(), s.channel().name(),
                withoutQuery(s.endpoint()), s.secret() != null, s.kinds().stream().sorted().toList(),
                s.quietHours() == null ? null : s.quietHours().from().toString(),
                s.quietHours() == null ? null : s.quietHours().to().toString(), s.digestWindow().toSeconds(),
                s.active(), s.stoppedReason(), s.createdBy(),
                s.createdAt() == null ? null : s.createdAt().atZone(zone).toOffsetDateTime());
    }

    static String withoutQuery(String endpoint) {
        int query = endpoint.indexOf('?');
        return query < 0 ? endpoint : endpoint.substring(0, query) + "?…";
    }
}
