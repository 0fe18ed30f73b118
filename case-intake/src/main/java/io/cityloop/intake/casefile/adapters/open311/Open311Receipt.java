package io.cityloop.intake.casefile.adapters.open311;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to a new service request; citizens have no accounts here, so {@code account_id} is always null. */
record Open311Receipt(
        @JsonProperty("service_request_id") String serviceRequestId,
        @JsonProperty("service_notice") String serviceNotice,
        @JsonProperty("account_id") String accountId) {
}
