package io.cityloop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The checked-in samples are the contract: every type has one, and the codec reads and writes it unchanged. */
class CaseEventContractTest {

    private final CaseEventCodec codec = new CaseEventCodec();
    private final JsonMapper json = JsonMapper.builder().build();

    static String sample(CaseEventType type) {
        String path = "/META-INF/cityloop/events/samples/" + type.verb() + ".v1.json";
        try (InputStream in = CaseEventContractTest.class.getResourceAsStream(path)) {
            assertThat(in).as("sample " + path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(CaseEventType.class)
    void everyTypeRoundTripsItsSample(CaseEventType type) {
        String sample = sample(type);

        CaseEvent event = codec.decode(sample).orElseThrow();

        assertThat(event.type()).isEqualTo(type);
        assertThat(event.data()).isInstanceOf(type.payloadType());
        assertThat(event.subject()).isEqualTo(event.data().caseId());
        assertThat(json.readTree(codec.encode(event))).isEqualTo(json.readTree(sample));
    }

    @Test
    void aRepublishedEventKeepsItsId() {
        CaseClosed closed = new CaseClosed("CL20261123000042", "TCL20261123000042-01", Actor.system("auto-close"));
        Instant at = Instant.parse("2026-11-23T07:10:00Z");

        CaseEvent first = CaseEvent.of(Producers.CASE_INTAKE, "CL20261123000042", 8, at, closed);
        CaseEvent again = CaseEvent.of(Producers.CASE_INTAKE, "CL20261123000042", 8, at.plusSeconds(30), closed);
        CaseEvent next = CaseEvent.of(Producers.CASE_INTAKE, "CL20261123000042", 9, at, closed);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(next.id()).isNotEqualTo(first.id());
    }

    @Test
    void unknownTypesAreSkippedSoNewProducersNeverBreakOldConsumers() {
        String future = sample(CaseEventType.CLOSED).replace("cityloop.case.closed.v1", "cityloop.case.archived.v1");

        assertThat(codec.decode(future)).isEmpty();
    }

    @Test
    void malformedRecordsAreRefused() {
        assertThatThrownBy(() -> codec.decode("{not json")).isInstanceOf(MalformedCaseEventException.class);
        String noData = sample(CaseEventType.FILED).replace("\"data\"", "\"payload\"");
        assertThatThrownBy(() -> codec.decode(noData)).isInstanceOf(MalformedCaseEventException.class);
    }

    @Test
    void aPayloadCannotTravelUnderAnotherCase() {
        CaseFiled filed = new CaseFiled("CL20261123000042", "02-01-01", "610402", "6104020050030184", null,
                new Actor("operator", "operator"));

        assertThatThrownBy(() -> new CaseEvent("id", Producers.CASE_INTAKE, CaseEventType.FILED, "CL-other",
                Instant.EPOCH, 1, filed)).isInstanceOf(IllegalArgumentException.class);
    }
}
