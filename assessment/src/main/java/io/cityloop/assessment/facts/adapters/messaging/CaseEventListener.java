package io.cityloop.assessment.facts.adapters.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.cityloop.assessment.facts.application.CaseFactsProjection;
import io.cityloop.events.CaseEventCodec;
import io.cityloop.events.CaseEventTopics;

/** Feeds every case event into the facts; unknown types are skipped, unreadable records go to the DLT. */
@Component
class CaseEventListener {

    private final CaseEventCodec codec;
    private final CaseFactsProjection projection;

    CaseEventListener(CaseEventCodec codec, CaseFactsProjection projection) {
        this.codec = codec;
        this.projection = projection;
    }

    @KafkaListener(topics = CaseEventTopics.CASE_EVENTS)
    void on(String record) {
        codec.decode(record).ifPresent(projection::apply);
    }
}
