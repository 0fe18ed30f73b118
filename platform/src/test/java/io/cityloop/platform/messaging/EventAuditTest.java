package io.cityloop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.cityloop.events.Actor;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventCodec;
import io.cityloop.events.CaseEventTopics;
import io.cityloop.events.CaseFiled;
import io.cityloop.events.Producers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A consumer refuses, logs and counts what it cannot trust: a foreign source, an unknown type. */
class EventAuditTest {

    private final CaseEventCodec codec = new CaseEventCodec();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final EventAudit audit = new EventAudit(codec, meters, "dispatch");

    @Test
    void acceptsAnEventFromItsOwner() {
        assertThat(audit.accept(record(filedBy(Producers.CASE_INTAKE)))).isPresent();
        assertThat(meters.find(EventAudit.METRIC).counters()).isEmpty();
    }

    @Test
    void refusesAFilingNotPublishedByCaseIntake() {
        assertThat(audit.accept(record(filedBy(Producers.DISPATCH)))).isEmpty();
        assertThat(audit.accept(record(filedBy("/somebody/else")))).isEmpty();

        assertThat(meters.get(EventAudit.METRIC).tags("service", "dispatch", "reason", "untrusted-source").counter()
                .count()).isEqualTo(2);
    }

    @Test
    void countsAnUnknownType() {
        String unknown = filedBy(Producers.CASE_INTAKE).replace("cityloop.case.filed.v1", "cityloop.case.teleported.v1");

        assertThat(audit.accept(record(unknown))).isEmpty();
        assertThat(meters.get(EventAudit.METRIC).tags("reason", "unknown-type").counter().count()).isEqualTo(1);
    }

    private String filedBy(String source) {
        CaseFiled filed = new CaseFiled("XY20261201000001", "02-01-01", "610402", "6104020010010001", "forged",
                new Actor("operator", "operator"));
        return codec.encode(CaseEvent.of(source, "XY20261201000001", 2, Instant.parse("2026-12-01T02:00:00Z"), filed));
    }

    private static ConsumerRecord<String, String> record(String value) {
        return new ConsumerRecord<>(CaseEventTopics.CASE_EVENTS, 3, 42L, "XY20261201000001", value);
    }
}
