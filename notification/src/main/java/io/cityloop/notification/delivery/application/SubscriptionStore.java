package io.cityloop.notification.delivery.application;

import java.util.List;
import java.util.Optional;

import io.cityloop.notification.delivery.model.Subscription;

/** Where subscriptions are kept. */
public interface SubscriptionStore {

    void save(Subscription subscription);

    Optional<Subscription> find(String id);

    /** Every active subscription: few (one per unit, role or user and channel), read per notification. */
    List<Subscription> active();

    /** Those of one unit ({@code unitId} given) or all of them. */
    List<Subscription> list(String unitId);

    /** Those a user created for themselves. */
    List<Subscription> ofUser(String username);

    void delete(String id);

    /** Stops it unless stopped already; @return whether it was active. */
    boolean stop(String id, String reason);
}
