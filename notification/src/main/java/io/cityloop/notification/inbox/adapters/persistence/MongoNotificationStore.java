package io.cityloop.notification.inbox.adapters.persistence;

import java.time.Instant;
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

import io.cityloop.notification.inbox.application.NotificationStore;
import io.cityloop.notification.inbox.model.Notification;
import io.cityloop.notification.inbox.model.NotificationKind;

@Component
class MongoNotificationStore implements NotificationStore {

    private final MongoTemplate mongo;
    private final NotificationMapper mapper;

    MongoNotificationStore(MongoTemplate mongo, NotificationMapper mapper) {
        this.mongo = mongo;
        this.mapper = mapper;
    }

    @Override
    public boolean addIfAbsent(Notification notification) {
        try {
            mongo.insert(mapper.toDocument(notification));
            return true;
        } catch (DuplicateKeyException redelivered) {
            return false;
        }
    }

    @Override
    public Optional<Notification> find(String id) {
        return Optional.ofNullable(mongo.findById(id, NotificationDocument.class)).map(mapper::toNotification);
    }

    @Override
    public Optional<Notification> dispatchOf(String taskId) {
        Query query = Query.query(Criteria.where("taskId").is(taskId).and("kind").is(NotificationKind.DISPATCHED))
                .with(Sort.by(Sort.Direction.ASC, NotificationIndexes.CREATED_AT));
        return Optional.ofNullable(mongo.findOne(query, NotificationDocument.class)).map(mapper::toNotification);
    }

    @Override
    public List<Notification> inbox(String unitId, boolean unreadOnly, int limit) {
        Criteria criteria = new Criteria();
        if (unitId != null) {
            criteria = criteria.and(NotificationIndexes.UNIT_ID).is(unitId);
        }
        if (unreadOnly) {
            criteria = criteria.and("readAt").is(null);
        }
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Direction.DESC, NotificationIndexes.CREATED_AT).and(Sort.by(Sort.Direction.DESC, "_id")))
                .limit(limit);
        return mongo.find(query, NotificationDocument.class).stream().map(mapper::toNotification).toList();
    }

    @Override
    public Optional<Notification> markRead(String id, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("readAt").is(null)),
                Update.update("readAt", at), NotificationDocument.class);
        return find(id);
    }
}
