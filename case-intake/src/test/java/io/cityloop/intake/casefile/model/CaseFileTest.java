package io.cityloop.intake.casefile.model;

import static io.cityloop.intake.casefile.model.CaseFixture.INSPECTOR;
import static io.cityloop.intake.casefile.model.CaseFixture.MONDAY_0900;
import static io.cityloop.intake.casefile.model.CaseFixture.OPERATOR;
import static io.cityloop.intake.casefile.model.CaseFixture.QINDU;
import static io.cityloop.intake.casefile.model.CaseFixture.ROUTING;
import static io.cityloop.intake.casefile.model.CaseFixture.TASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.cityloop.reference.CategoryKind;

class CaseFileTest {

    private static final Instant LATER = MONDAY_0900.plusSeconds(20_000);

    /** Every step of the case, by the status it needs. */
    private static final Map<String, Consumer<CaseFile>> STEPS = Map.of(
            "file", c -> c.file(OPERATOR, null, LATER),
            "reject", c -> c.reject(OPERATOR, RejectionReason.CRITERION_NOT_MET, null, LATER),
            "dispatched", c -> c.recordDispatched("e-d", TASK, ROUTING, LATER),
            "accepted", c -> c.recordAccepted("e-a", QINDU, LATER),
            "handled", c -> c.recordHandled("e-h", QINDU, "done", LATER, "inspector", LATER.plusSeconds(3600)),
            "pass", c -> c.pass(INSPECTOR, null, LATER),
            "fail", c -> c.fail(INSPECTOR, "残留", LATER),
            "rework-dispatched", c -> c.recordReworkDispatched("e-r", ROUTING, LATER.plusSeconds(25_200), LATER));

    private static final Map<String, EnumSet<CaseStatus>> ALLOWED_FROM = Map.of(
            "file", EnumSet.of(CaseStatus.REPORTED),
            "reject", EnumSet.of(CaseStatus.REPORTED, CaseStatus.INFO_REQUESTED),
            "dispatched", EnumSet.of(CaseStatus.FILED),
            "accepted", EnumSet.of(CaseStatus.DISPATCHED),
            "handled", EnumSet.of(CaseStatus.ACCEPTED, CaseStatus.REWORK),
            "pass", EnumSet.of(CaseStatus.VERIFYING),
            "fail", EnumSet.of(CaseStatus.VERIFYING),
            "rework-dispatched", EnumSet.of(CaseStatus.REWORK));

    private static final List<Supplier<CaseFile>> EVERY_STAGE = List.of(CaseFixture::reportedCase,
            CaseFixture::filedCase, CaseFixture::dispatchedCase, CaseFixture::acceptedCase,
            CaseFixture::verifyingCase, CaseFixture::reworkCase, CaseFixture::closedCase, () -> {
                CaseFile rejected = CaseFixture.reportedCase();
                rejected.reject(OPERATOR, RejectionReason.DUPLICATE, null, LATER);
                return rejected;
            });

    @Test
    void everyStepIsAllowedExactlyFromItsStatuses() {
        for (var step : STEPS.entrySet()) {
            for (Supplier<CaseFile> stage : EVERY_STAGE) {
                CaseFile file = stage.get();
                CaseStatus before = file.status();
                int timelineBefore = file.timeline().size();
                if (ALLOWED_FROM.get(step.getKey()).contains(before)) {
                    step.getValue().accept(file);
                    assertThat(file.timeline()).as(step.getKey() + " from " + before).hasSizeGreaterThan(timelineBefore);
                } else {
                    assertThatThrownBy(() -> step.getValue().accept(file))
                            .as(step.getKey() + " from " + before)
                            .isInstanceOf(IllegalTransitionException.class);
                    assertThat(file.status()).isEqualTo(before);
                    assertThat(file.timeline()).hasSize(timelineBefore);
                }
            }
        }
    }

    @Test
    void theStatusEnumHoldsTheEdges() {
        assertThat(CaseStatus.REPORTED.next()).containsExactlyInAnyOrder(CaseStatus.FILED, CaseStatus.REJECTED,
                CaseStatus.MERGED, CaseStatus.INFO_REQUESTED, CaseStatus.CONFIRMING, CaseStatus.CANCELLED);
        assertThat(CaseStatus.CONFIRMING.next()).containsExactlyInAnyOrder(CaseStatus.REPORTED, CaseStatus.REJECTED,
                CaseStatus.CANCELLED);
        assertThat(CaseStatus.MERGED.next()).containsExactly(CaseStatus.REPORTED);
        assertThat(CaseStatus.FILED.next()).containsExactlyInAnyOrder(CaseStatus.DISPATCHED, CaseStatus.CANCELLED);
        assertThat(CaseStatus.CANCELLED.next()).isEmpty();
        assertThat(CaseStatus.VERIFYING.next()).containsExactlyInAnyOrder(CaseStatus.VERIFIED, CaseStatus.REWORK);
        assertThat(CaseStatus.CLOSED.next()).isEmpty();
        assertThat(CaseStatus.REJECTED.next()).isEmpty();
    }

    @Test
    void aSuccessorTaskDispatchesAnOpenTaskAgainThroughTheStatusTable() {
        assertThat(CaseStatus.DISPATCHED.canMoveTo(CaseStatus.DISPATCHED)).isTrue();
        assertThat(CaseStatus.ACCEPTED.canMoveTo(CaseStatus.DISPATCHED)).isTrue();
        assertThat(CaseStatus.REWORK.canMoveTo(CaseStatus.DISPATCHED)).isFalse();
        assertThat(CaseStatus.VERIFYING.canMoveTo(CaseStatus.DISPATCHED)).isFalse();
    }

    @Test
    void onlyAComponentCaseNamesItsOwner() {
        CaseFile event = CaseFixture.reportedCase();

        assertThatThrownBy(() -> event.file(OPERATOR, null, "dept-05", CategoryKind.EVENT, LATER))
                .isInstanceOfSatisfying(CaseRuleViolation.class, e -> {
                    assertThat(e.field()).isEqualTo("componentOwner");
                    assertThat(e.rule()).isEqualTo("component-only");
                });
        assertThat(event.status()).isEqualTo(CaseStatus.REPORTED);

        CaseFile component = CaseFixture.reportedCase();
        component.file(OPERATOR, "井盖缺失", "dept-05", CategoryKind.COMPONENT, LATER);
        assertThat(component.status()).isEqualTo(CaseStatus.FILED);
        assertThat(component.changes()).last().isInstanceOfSatisfying(CaseChange.Filed.class,
                f -> assertThat(f.componentOwner()).isEqualTo("dept-05"));
    }

    @Test
    void aReportRegistersTheReportedChangeAndTheFirstTimelineEntry() {
        CaseFile file = CaseFixture.reportedCase();

        assertThat(file.status()).isEqualTo(CaseStatus.REPORTED);
        assertThat(file.changes()).singleElement().isInstanceOf(CaseChange.Reported.class);
        assertThat(file.timeline()).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo("reported");
            assertThat(entry.actor()).isEqualTo("inspector");
            assertThat(entry.role()).isEqualTo("inspector");
            assertThat(entry.source()).isEqualTo("case-intake");
        });
    }

    @Test
    void filingAndRejectingRecordWhoAndWhy() {
        CaseFile rejected = CaseFixture.reportedCase();
        rejected.reject(OPERATOR, RejectionReason.CRITERION_NOT_MET, "面积不足1平方米", LATER);

        TimelineEntry last = rejected.timeline().get(1);
        assertThat(last.type()).isEqualTo("rejected");
        assertThat(last.reason()).contains("CRITERION_NOT_MET").contains("面积不足1平方米");
        assertThat(last.fromStatus()).isEqualTo(CaseStatus.REPORTED);
        assertThat(last.toStatus()).isEqualTo(CaseStatus.REJECTED);
        assertThat(rejected.changes()).last().isInstanceOf(CaseChange.Rejected.class);
    }

    @Test
    void handledFeedbackOpensAVerificationForTheGridsInspector() {
        CaseFile file = CaseFixture.verifyingCase();

        assertThat(file.status()).isEqualTo(CaseStatus.VERIFYING);
        assertThat(file.verification().assignee()).isEqualTo("inspector");
        assertThat(file.verification().isOpen()).isTrue();
        assertThat(file.timeline()).extracting(TimelineEntry::type)
                .containsExactly("reported", "filed", "dispatched", "accepted", "handled", "verification-requested");
        assertThat(file.changes()).last().isInstanceOfSatisfying(CaseChange.VerificationRequested.class,
                v -> assertThat(v.taskId()).isEqualTo(TASK.taskId()));
    }

    @Test
    void aRedeliveredDispatchEventIsANoOp() {
        CaseFile file = CaseFixture.dispatchedCase();
        int entries = file.timeline().size();

        boolean applied = file.recordDispatched("evt-dispatched", TASK, ROUTING, LATER);

        assertThat(applied).isFalse();
        assertThat(file.timeline()).hasSize(entries);
        assertThat(file.status()).isEqualTo(CaseStatus.DISPATCHED);
    }

    @Test
    void aReturnedOrReassignedTaskIsSucceededByItsReDispatch() {
        TaskAssignment successor = new TaskAssignment("TCL20261123000001-02", "dept-01", "市城市管理局",
                Instant.parse("2026-11-24T05:00:00Z"));
        for (Supplier<CaseFile> stage : List.<Supplier<CaseFile>>of(CaseFixture::dispatchedCase,
                CaseFixture::acceptedCase)) {
            CaseFile file = stage.get();

            boolean applied = file.recordDispatched("evt-redispatched", successor, ROUTING, LATER);

            assertThat(applied).isTrue();
            assertThat(file.status()).isEqualTo(CaseStatus.DISPATCHED);
            assertThat(file.currentTask()).isEqualTo(successor);
            assertThat(file.timeline()).last().extracting(TimelineEntry::reason).isEqualTo("改派至市城市管理局");
        }
    }

    @Test
    void aNewTaskDoesNotReplaceOneAlreadyHandled() {
        TaskAssignment successor = new TaskAssignment("TCL20261123000001-02", "dept-01", "市城市管理局",
                Instant.parse("2026-11-24T05:00:00Z"));
        CaseFile file = CaseFixture.verifyingCase();

        assertThatThrownBy(() -> file.recordDispatched("evt-late", successor, ROUTING, LATER))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(file.currentTask()).isEqualTo(TASK);
    }

    @Test
    void passClosesTheCaseInTwoRecordedSteps() {
        CaseFile file = CaseFixture.closedCase();

        assertThat(file.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(file.verification().result()).isEqualTo(VerificationResult.PASS);
        assertThat(file.timeline()).extracting(TimelineEntry::type).endsWith("verified", "closed");
        assertThat(file.changes()).extracting(change -> change.getClass().getSimpleName())
                .endsWith("Verified", "Closed");
        assertThat(file.changes()).extracting(CaseChange::sequence).doesNotHaveDuplicates();
    }

    @Test
    void failSendsTheTaskBackToTheSameUnitAndTheNextFeedbackOpensANewCheck() {
        CaseFile file = CaseFixture.reworkCase();

        assertThat(file.status()).isEqualTo(CaseStatus.REWORK);
        assertThat(file.changes()).last().isInstanceOfSatisfying(CaseChange.ReworkRequired.class, r -> {
            assertThat(r.unitId()).isEqualTo("district-610402");
            assertThat(r.reason()).isEqualTo("现场仍有残留垃圾");
        });

        Instant newDeadline = LATER.plusSeconds(25_200);
        file.recordReworkDispatched("evt-rework", ROUTING, newDeadline, LATER);
        assertThat(file.currentTask().deadline()).isEqualTo(newDeadline);
        assertThat(file.status()).isEqualTo(CaseStatus.REWORK);

        file.recordHandled("evt-handled-2", QINDU, "已二次清理", LATER.plusSeconds(60), "inspector",
                LATER.plusSeconds(3660));
        assertThat(file.status()).isEqualTo(CaseStatus.VERIFYING);
        file.pass(INSPECTOR, "已清理干净", LATER.plusSeconds(600));
        assertThat(file.status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void aFailedCheckNeedsAReason() {
        CaseFile file = CaseFixture.verifyingCase();

        assertThatThrownBy(() -> file.fail(INSPECTOR, " ", LATER)).isInstanceOf(IllegalArgumentException.class);
        assertThat(file.status()).isEqualTo(CaseStatus.VERIFYING);
    }

    @Test
    void onlyTheAssignedInspectorOrAShiftLeadMayVerify() {
        CaseFile file = CaseFixture.verifyingCase();

        assertThatThrownBy(() -> file.pass(new Participant("inspector-2", "inspector"), null, LATER))
                .isInstanceOf(NotTheVerifierException.class);
        assertThat(file.status()).isEqualTo(CaseStatus.VERIFYING);

        file.pass(new Participant("shiftlead", "shift-lead"), "值班长现场核查", LATER);
        assertThat(file.status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void aRestoredCaseRemembersEverythingButRegistersNoChanges() {
        CaseFile original = CaseFixture.verifyingCase();

        CaseFile restored = CaseFile.restore(original.snapshot());

        assertThat(restored.snapshot()).isEqualTo(original.snapshot());
        assertThat(restored.changes()).isEmpty();
        assertThat(restored.recordHandled("evt-handled", QINDU, "again", LATER, "inspector", LATER)).isFalse();
    }
}
