package io.cityloop.notification.delivery.adapters.persistence;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import io.cityloop.notification.delivery.application.DeliveryStore;
import io.cityloop.notification.delivery.model.Channel;
import io.cityloop.notification.delivery.model.Delivery;
import io.cityloop.notification.delivery.model.DeliveryItem;
import io.cityloop.notification.delivery.model.DeliveryStatus;

@Component
class MongoDeliveryStore implements DeliveryStore {

    private static final String PENDING = DeliveryStatus.PENDING.name();

    private final MongoTemplate mongo;

    MongoDeliveryStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean insertIfAbsent(Delivery delivery) {
        try {
            mongo.insert(document(delivery));
            return true;
        } catch (DuplicateKeyException redelivered) {
            return false;
        }
    }

    @Override
    public boolean addToDigest(Delivery template, DeliveryItem item) {
        Query pending = Query.query(Criteria.where("_id").is(template.id()).and("status").is(PENDING));
        Update update = new Update()
                .setOnInsert("subscriptionId", template.subscriptionId())
                .setOnInsert("channel", template.channel().name())
                .setOnInsert("endpointKey", template.endpointKey())
                .setOnInsert("unitId", template.unitId())
                .setOnInsert("urgent", false)
                .setOnInsert("digest", true)
                .setOnInsert("attempts", 0)
                .setOnInsert("nextAttemptAt", template.nextAttemptAt())
                .setOnInsert("createdAt", template.createdAt())
                .setOnInsert("publishedAt", template.publishedAt())
                .addToSet("items", item)
                .addToSet("notificationIds", item.notificationId());
        try {
            mongo.upsert(pending, update, DeliveryDocument.class);
            return true;
        } catch (DuplicateKeyException windowClosed) {
            return false;
        }
    }

    @Override
    public List<Delivery> due(Instant now, int limit) {
        Query query = Query.query(Criteria.where("status").is(PENDING).and("nextAttemptAt").lte(now))
                .with(Sort.by(Sort.Direction.ASC, "nextAttemptAt")).limit(limit);
        return mongo.find(query, DeliveryDocument.class).stream().map(MongoDeliveryStore::of).toList();
    }

    @Override
    public boolean claim(String id, Instant seenNextAttemptAt, Instant leaseUntil) {
        return postpone(id, seenNextAttemptAt, leaseUntil);
    }

    @Override
    public boolean postpone(String id, Instant seenNextAttemptAt, Instant next) {
        Query query = Query.query(Criteria.where("_id").is(id).and("status").is(PENDING)
                .and("nextAttemptAt").is(seenNextAttemptAt));
        return mongo.findAndModify(query, Update.update("nextAttemptAt", next),
                FindAndModifyOptions.options().returnNew(true), DeliveryDocument.class) != null;
    }

    @Override
    public void markSent(String id, int attempts, Instant sentAt, String detail) {
        mongo.updateFirst(byId(id), Update.update("status", DeliveryStatus.SENT.name()).set("attempts", attempts)
                .set("sentAt", sentAt).set("lastError", null), DeliveryDocument.class);
    }

    @Override
    public void retryLater(String id, int attempts, Instant next, String error) {
        mongo.updateFirst(byId(id), Update.update("attempts", attempts).set("nextAttemptAt", next)
                .set("lastError", error), DeliveryDocument.class);
    }

    @Override
    public void markFinal(String id, DeliveryStatus status, int attempts, String error) {
        mongo.updateFirst(byId(id), Update.update("status", status.name()).set("attempts", attempts)
                .set("lastError", error), DeliveryDocument.class);
    }

    @Override
    public void markRead(String notificationId) {
        mongo.updateMulti(Query.query(Criteria.where("notificationIds").is(notificationId)
                        .and("status").is(DeliveryStatus.SENT.name())),
                Update.update("status", DeliveryStatus.READ.name()), DeliveryDocument.class);
    }

    @Override
    public boolean requeue(String id, Instant now) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status")
                        .is(DeliveryStatus.FAILED.name())),
                Update.update("status", PENDING).set("attempts", 0).set("nextAttemptAt", now),
                DeliveryDocument.class).getModifiedCount() == 1;
    }

    @Override
    public Optional<Delivery> find(String id) {
        return Optional.ofNullable(mongo.findById(id, DeliveryDocument.class)).map(MongoDeliveryStore::of);
    }

    @Override
    public List<Delivery> list(String unitId, DeliveryStatus status, String notificationId, int limit) {
        if (notificationId != null) {
            // Few per notification; sorted here, as a multikey index serves no sort.
            Criteria criteria = Criteria.where("notificationIds").is(notificationId);
            if (unitId != null) {
                criteria = criteria.and("unitId").is(unitId);
            }
            return mongo.find(Query.query(criteria), DeliveryDocument.class).stream().map(MongoDeliveryStore::of)
                    .sorted(Comparator.comparing(Delivery::createdAt).reversed()).limit(limit).toList();
        }
        Criteria criteria = new Criteria();
        if (unitId != null) {
            criteria = criteria.and("unitId").is(unitId);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status.name());
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit);
        return mongo.find(query, DeliveryDocument.class).stream().map(MongoDeliveryStore::of).toList();
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static DeliveryDocument document(Delivery d) {
        return new DeliveryDocument(d.id(), d.subscriptionId(), d.channel().name(), d.endpointKey(), d.unitId(),
                d.urgent(), d.digest(), d.items(), d.items().stream().map(DeliveryItem::notificationId).toList(),
                d.status().name(), d.attempts(), d.nextAttemptAt(), d.createdAt(), d.publishedAt(), d.sentAt(),
                d.lastError());
    }

    private static Delivery of(DeliveryDocument d) {
        return new Delivery(d.id(), d.subscriptionId(), Channel.valueOf(d.channel()), d.endpointKey(), d.unitId(),
                d.urgent(), d.digest(), d.items() == null ? List.of() : d.items(), DeliveryStatus.valueOf(d.status()),
                d.attempts(), d.nextAttemptAt(), d.createdAt(), d.publishedAt(), d.sentAt(), d.lastError());
    }
}
