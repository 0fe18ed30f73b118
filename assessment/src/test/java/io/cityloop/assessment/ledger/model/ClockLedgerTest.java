package io.cityloop.assessment.ledger.model;

import static io.cityloop.assessment.facts.model.CaseFactsFixture.aCase;
import static io.cityloop.assessment.facts.model.CaseFactsFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.cityloop.assessment.facts.model.CaseFacts;
import io.cityloop.reference.CityReference;

/** Working hours 08:30–12:00 and 14:30–18:00, Monday to Friday; 2 November 2026 is a Monday. */
class ClockLedgerTest {

    private static final WorkingTimeScale SCALE = new WorkingTimeScale(CityReference.load().calendar());
    private static final Instant AFTER_NOVEMBER = at("2026-12-05T10:00");

    @Test
    void theScaleAgreesWithTheWorkingCalendar() {
        Instant from = at("2026-11-27T15:00");
        Instant to = at("2026-12-02T10:00");

        assertThat(SCALE.secondsBetween(from, to))
                .isEqualTo(SCALE.calendar().workingTimeBetween(from, to).getSeconds())
                .isEqualTo((180 + 420 + 420 + 90) * 60L);
        assertThat(SCALE.secondsBetween(to, from)).isZero();
    }

    @Test
    void aReturnedCaseIsTheDispatchersUntilTheNextDispatch() {
        CaseFacts facts = aCase("C1").reportedIn("610402", "2026-11-02T09:00").filed("2026-11-02T09:10")
                .dispatchedTo("dept-01", "2026-11-02T09:20", "2026-11-03T09:20")
                .returned("2026-11-02T11:00").returnReviewed("2026-11-02T11:30", true)
                .dispatchedTo("dept-16", "2026-11-02T14:30", "2026-11-03T12:00")
                .handled("2026-11-03T10:00").closed("2026-11-03T11:00").facts();

        ClockLedger ledger = ClockLedger.of(facts, AFTER_NOVEMBER, SCALE);

        assertThat(ledger.entries()).extracting(LedgerEntry::kind, LedgerEntry::unitId, e -> e.workingSeconds() / 60)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LedgerKind.UNIT_HANDLING, "dept-01", 100L),
                        org.assertj.core.groups.Tuple.tuple(LedgerKind.WITH_DISPATCHER, "dept-01", 60L),
                        org.assertj.core.groups.Tuple.tuple(LedgerKind.UNIT_HANDLING, "dept-16", 300L),
                        org.assertj.core.groups.Tuple.tuple(LedgerKind.AWAITING_VERIFICATION, "dept-16", 60L));
        assertPartition(ledger);
        assertThat(ledger.end()).isEqualTo(at("2026-11-03T11:00"));
    }

    @Test
    void suspensionStopsTheUnitsClockUntilResumed() {
        CaseFacts facts = suspendedOverTheMonthEnd().facts();

        ClockLedger atMonthEnd = ClockLedger.of(facts, at("2026-12-01T00:00"), SCALE);
        ClockLedger later = ClockLedger.of(facts, AFTER_NOVEMBER, SCALE);

        assertThat(atMonthEnd.unitSeconds(facts.tasks().get(0).taskId(), 0)).isEqualTo(210 * 60L);
        assertThat(later.secondsByKind().get(LedgerKind.SUSPENDED)).isEqualTo(1110 * 60L);
        assertThat(later.unitSeconds(facts.tasks().get(0).taskId(), 0)).isEqualTo(360 * 60L);
        assertPartition(atMonthEnd);
        assertPartition(later);
    }

    @Test
    void reworkPhasesAreSeparateAndEverySecondIsAccountedFor() {
        CaseFacts facts = aCase("C4").reportedIn("610402", "2026-11-16T08:40")
                .dispatchedTo("district-610402", "2026-11-16T09:00", "2026-11-17T09:00")
                .handled("2026-11-16T11:00").reworkRequired("2026-11-16T15:00")
                .reworkDispatched("2026-11-16T15:10", "2026-11-17T15:10")
                .handled("2026-11-17T10:00").reworkRequired("2026-11-17T11:00")
                .reworkDispatched("2026-11-17T11:10", "2026-11-18T11:10")
                .handled("2026-11-18T17:00").closed("2026-11-19T09:00").facts();
        String task = facts.tasks().get(0).taskId();

        ClockLedger ledger = ClockLedger.of(facts, AFTER_NOVEMBER, SCALE);

        assertThat(ledger.unitSeconds(task, 0) / 60).isEqualTo(120);
        assertThat(ledger.unitSeconds(task, 1) / 60).isEqualTo(260);
        assertThat(ledger.unitSeconds(task, 2) / 60).isEqualTo(620);
        assertThat(ledger.secondsByKind().get(LedgerKind.WITH_DISPATCHER) / 60).isEqualTo(20);
        assertPartition(ledger);
    }

    @Test
    void aCaseNeverDispatchedHasAnEmptyLedger() {
        ClockLedger ledger = ClockLedger.of(aCase("C9").reportedIn("610402", "2026-11-02T09:00").facts(),
                AFTER_NOVEMBER, SCALE);

        assertThat(ledger.entries()).isEmpty();
        assertThat(ledger.elapsedSeconds()).isZero();
    }

    static io.cityloop.assessment.facts.model.CaseFactsFixture suspendedOverTheMonthEnd() {
        return aCase("C2").reportedIn("610402", "2026-11-27T08:40").filed("2026-11-27T08:50")
                .dispatchedTo("dept-05", "2026-11-27T09:00", "2026-11-30T09:00")
                .suspended("2026-11-27T15:00").resumed("2026-12-02T10:00", "2026-12-02T16:00")
                .handled("2026-12-02T15:00");
    }

    private static void assertPartition(ClockLedger ledger) {
        long sum = ledger.entries().stream().mapToLong(LedgerEntry::workingSeconds).sum();
        assertThat(sum).isEqualTo(ledger.elapsedSeconds())
                .isEqualTo(SCALE.secondsBetween(ledger.start(), ledger.end()));
        for (int i = 1; i < ledger.entries().size(); i++) {
            assertThat(ledger.entries().get(i).from()).isEqualTo(ledger.entries().get(i - 1).to());
        }
    }
}
