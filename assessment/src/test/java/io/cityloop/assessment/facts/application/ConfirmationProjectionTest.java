package io.cityloop.assessment.facts.application;

import static io.cityloop.assessment.facts.application.SimulatedMonth.SHANGHAI;
import static io.cityloop.assessment.facts.application.SimulatedMonth.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cityloop.assessment.facts.model.CaseFacts;
import io.cityloop.assessment.facts.model.Confirmation;
import io.cityloop.events.Actor;
import io.cityloop.events.CaseConfirmed;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventData;
import io.cityloop.events.CaseReported;
import io.cityloop.events.ConfirmationRequested;
import io.cityloop.events.GeoPoint;
import io.cityloop.events.Producers;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The two 核实 events (cityloop.case.confirmation-requested.v1, cityloop.case.confirmed.v1) as case facts: kept with
 * their business time, applied once, in either order.
 */
class ConfirmationProjectionTest {

    private static final String CASE = "CL20261123000057";
    private static final String CELL = "6104020050030184";
    private static final Actor OPERATOR = new Actor("operator", "operator");
    private static final Actor ZHANG_WEI = new Actor("inspector", "inspector");

    private final InMemoryCaseFactsStore store = new InMemoryCaseFactsStore(SHANGHAI);
    private final CaseFactsProjection projection = new CaseFactsProjection(store, new SimpleMeterRegistry());

    @Test
    void theRequestAndTheAnswerAreKeptWithTheirTimesAndActors() {
        replay(reported(), requested(OPERATOR), confirmed());

        Confirmation confirmation = store.find(CASE).orElseThrow().confirmation();
        assertThat(confirmation).isEqualTo(new Confirmation("inspector", at("2026-11-23T09:14"), "operator",
                at("2026-11-23T09:44"), true, at("2026-11-23T09:35"), "inspector", "CONFIRMED", true));
        assertThat(store.find(CASE).orElseThrow().countsIn(SHANGHAI)).containsExactly("2026-11");
    }

    @Test
    void theSameEventTwiceChangesNothing() {
        CaseEvent request = requested(OPERATOR);
        CaseEvent answer = confirmed();
        replay(reported(), request, answer);
        CaseFacts once = store.find(CASE).orElseThrow();

        assertThat(projection.apply(request)).isFalse();
        assertThat(projection.apply(answer)).isFalse();

        assertThat(store.find(CASE).orElseThrow()).isSameAs(once);
        assertThat(once.appliedEventIds()).hasSize(3);
    }

    @Test
    void theAnswerBeforeTheRequestGivesTheSameFacts() {
        CaseEvent reported = reported();
        CaseEvent request = requested(OPERATOR);
        CaseEvent answer = confirmed();
        replay(reported, request, answer);
        Confirmation inOrder = store.find(CASE).orElseThrow().confirmation();
        store.dropAll();

        replay(answer, reported, request);

        assertThat(store.find(CASE).orElseThrow().confirmation()).isEqualTo(inOrder);
    }

    @Test
    void theAutomaticRuleIsNoOperator() {
        replay(reported(), requested(Actor.system("confirmation-rule")));

        Confirmation open = store.find(CASE).orElseThrow().confirmation();
        assertThat(open.requestedBy()).isNull();
        assertThat(open.sentByOperator()).isFalse();
        assertThat(open.assignee()).isEqualTo("inspector");
        assertThat(open.answeredAt()).isNull();
    }

    @Test
    void aRequestInTheNextMonthAddsThatMonthToTheMonthsTheCaseCountsIn() {
        CaseEvent lateRequest = event(2, "2026-12-01T08:35", new ConfirmationRequested(CASE, "inspector", CELL,
                at("2026-12-01T09:05"), false, OPERATOR));

        replay(reported(), lateRequest);

        assertThat(store.find(CASE).orElseThrow().countsIn(SHANGHAI)).containsExactly("2026-11", "2026-12");
    }

    private void replay(CaseEvent... events) {
        List.of(events).forEach(projection::apply);
    }

    private static CaseEvent reported() {
        return event(1, "2026-11-23T09:00", new CaseReported(CASE, "HOTLINE", "02-01-01",
                "12345热线：世纪大道人行道暴露垃圾约2平方米", new GeoPoint(108.705, 34.338), "秦都区世纪大道",
                "610402", CELL, "2026.1", new Actor("hotline-li", "operator")));
    }

    private static CaseEvent requested(Actor by) {
        return event(2, "2026-11-23T09:14", new ConfirmationRequested(CASE, "inspector", CELL,
                at("2026-11-23T09:44"), true, by));
    }

    private static CaseEvent confirmed() {
        return event(3, "2026-11-23T09:35", new CaseConfirmed(CASE, "CONFIRMED", "现场属实：人行道暴露垃圾约2平方米",
                true, ZHANG_WEI));
    }

    private static CaseEvent event(long sequence, String at, CaseEventData data) {
        return CaseEvent.of(Producers.CASE_INTAKE, CASE, sequence, at(at), data);
    }
}
