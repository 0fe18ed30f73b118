package io.cityloop.notification.delivery.adapters.persistence;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import io.cityloop.notification.delivery.application.SubscriptionStore;
import io.cityloop.notification.delivery.model.Channel;
import io.cityloop.notification.delivery.model.QuietHours;
import io.cityloop.notification.delivery.model.Scope;
import io.cityloop.notification.delivery.model.Subscription;

@Component
class MongoSubscriptionStore implements SubscriptionStore {

    private final MongoTemplate mongo;

    MongoSubscriptionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void save(Subscription s) {
        mongo.save(new SubscriptionDocument(s.id(), s.scope().name(), s.target(), s.unitId(), s.channel().name(),
                s.endpoint(), s.secret(), List.copyOf(s.kinds()),
                s.quietHours() == null ? null : s.quietHours().from().toString(),
                s.quietHours() == null ? null : s.quietHours().to().toString(), s.digestWindow().toSeconds(),
                s.active(), s.stoppedReason(), s.createdBy(), s.createdAt()));
    }

    @Override
    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(mongo.findById(id, SubscriptionDocument.class)).map(MongoSubscriptionStore::of);
    }

    @Override
    public List<Subscription> active() {
        return find(Query.query(Criteria.where("active").is(true)));
    }

    @Override
    public List<Subscription> list(String unitId) {
        if (unitId != null) {
            return find(Query.query(Criteria.where("unitId").is(unitId)));
        }
        return find(Query.query(Criteria.where("active").in(true, false)));
    }

    @Override
    public List<Subscription> ofUser(String username) {
        return find(Query.query(Criteria.where("target").is(username).and("scope").is(Scope.USER.name())));
    }

    @Override
    public void delete(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), SubscriptionDocument.class);
    }

    @Override
    public boolean stop(String id, String reason) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("active").is(true)),
                Update.update("active", false).set("stoppedReason", reason), SubscriptionDocument.class)
                .getModifiedCount() == 1;
    }

    private List<Subscription> find(Query query) {
        return mongo.find(query, SubscriptionDocument.class).stream().map(MongoSubscriptionStore::of).toList();
    }

    private static Subscription of(SubscriptionDocument d) {
        QuietHours quiet = d.quietFrom() == null ? null
                : new QuietHours(LocalTime.parse(d.quietFrom()), LocalTime.parse(d.quietTo()));
        return new Subscription(d.id(), Scope.valueOf(d.scope()), d.target(), d.unitId(), Channel.valueOf(d.channel()),
                d.endpoint(), d.secret(), d.kinds() == null ? Set.of() : Set.copyOf(d.kinds()), quiet,
                Duration.ofSeconds(d.digestSeconds()), d.active(), d.stoppedReason(), d.createdBy(), d.createdAt());
    }
}
