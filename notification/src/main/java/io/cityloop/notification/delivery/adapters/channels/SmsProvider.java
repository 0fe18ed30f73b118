package io.cityloop.notification.delivery.adapters.channels;

import java.util.Map;

import io.cityloop.notification.delivery.model.SendOutcome;

/** An SMS provider: a template (by the notice's kind, or DIGEST) filled with parameters, to one number. */
interface SmsProvider {

    /** Names the provider for its breaker and bulkhead. */
    String name();

    /**
     * @param outId the deduplication key; providers echo it in their delivery receipts
     */
    SendOutcome send(String phone, String templateKind, Map<String, String> params, String text, String outId)
            throws Exception;
}
