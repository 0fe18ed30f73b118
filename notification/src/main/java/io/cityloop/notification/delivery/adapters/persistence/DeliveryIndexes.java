package io.cityloop.notification.delivery.adapters.persistence;

import static io.cityloop.platform.persistence.CollectionIndexes.index;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityloop.platform.persistence.CollectionIndexes;

/**
 * Every query of the delivery outbox and the subscriptions has its index: the worker's due deliveries (status,
 * nextAttemptAt), a unit's or a status's deliveries newest first, a notification's deliveries (multikey), the active
 * subscriptions, a unit's and a user's.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryIndexes {

    @Bean
    CollectionIndexes deliveryOutboxIndexes() {
        return CollectionIndexes.of(DeliveryDocument.class,
                index("due", "status", "nextAttemptAt"),
                index("unit_newest_first", "unitId", "-createdAt"),
                index("unit_status_newest_first", "unitId", "status", "-createdAt"),
                index("status_newest_first", "status", "-createdAt"),
                index("notification", "notificationIds"));
    }

    @Bean
    CollectionIndexes subscriptionIndexes() {
        return CollectionIndexes.of(SubscriptionDocument.class,
                index("active", "active"),
                index("unit", "unitId"),
                index("target", "target"));
    }
}
