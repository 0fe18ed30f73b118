package io.cityloop.notification.delivery.adapters.persistence;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Every query of the delivery outbox and the subscriptions has its index: the worker's due deliveries (status,
 * nextAttemptAt), a unit's or a status's deliveries newest first, a notification's deliveries (multikey), the active
 * subscriptions, a unit's and a user's.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeliveryIndexes implements ApplicationRunner {

    private final MongoTemplate mongo;

    DeliveryIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        var deliveries = mongo.indexOps(DeliveryDocument.class);
        deliveries.createIndex(new Index().on("status", Direction.ASC).on("nextAttemptAt", Direction.ASC)
                .named("due"));
        deliveries.createIndex(new Index().on("unitId", Direction.ASC).on("createdAt", Direction.DESC)
                .named("unit_newest_first"));
        deliveries.createIndex(new Index().on("unitId", Direction.ASC).on("status", Direction.ASC)
                .on("createdAt", Direction.DESC).named("unit_status_newest_first"));
        deliveries.createIndex(new Index().on("status", Direction.ASC).on("createdAt", Direction.DESC)
                .named("status_newest_first"));
        deliveries.createIndex(new Index().on("notificationIds", Direction.ASC).named("notification"));
        var subscriptions = mongo.indexOps(SubscriptionDocument.class);
        subscriptions.createIndex(new Index().on("active", Direction.ASC).named("active"));
        subscriptions.createIndex(new Index().on("unitId", Direction.ASC).named("unit"));
        subscriptions.createIndex(new Index().on("target", Direction.ASC).named("target"));
    }
}
