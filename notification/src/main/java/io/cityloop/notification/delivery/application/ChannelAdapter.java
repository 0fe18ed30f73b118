package io.cityloop.notification.delivery.application;

import io.cityloop.notification.delivery.model.Channel;
import io.cityloop.notification.delivery.model.Delivery;
import io.cityloop.notification.delivery.model.SendOutcome;
import io.cityloop.notification.delivery.model.Subscription;

/** The one port every channel sits behind. */
public interface ChannelAdapter {

    Channel channel();

    /** Whether this deployment can send on it (e.g. e-mail needs an SMTP host). */
    default boolean enabled() {
        return true;
    }

    /**
     * Names the receiver for its breaker and bulkhead: the provider for SMS and e-mail, the URL without its query
     * (which may hold a key) plus a short hash of the whole URL for robots and webhooks. Never a secret.
     */
    String endpointKey(Subscription subscription);

    /**
     * One attempt. Throwing is read as {@link SendOutcome.Kind#RETRY}. The delivery's id is the deduplication key
     * and goes to the receiver where the channel has a place for it.
     */
    SendOutcome send(Delivery delivery, Subscription subscription) throws Exception;
}
