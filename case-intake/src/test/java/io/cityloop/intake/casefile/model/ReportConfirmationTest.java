package io.cityloop.intake.casefile.model;

import static io.cityloop.intake.casefile.model.CaseFixture.FILING_DUE;
import static io.cityloop.intake.casefile.model.CaseFixture.INSPECTOR;
import static io.cityloop.intake.casefile.model.CaseFixture.MONDAY_0900;
import static io.cityloop.intake.casefile.model.CaseFixture.OPERATOR;
import static io.cityloop.intake.casefile.model.CaseFixture.SHIFT_LEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** 核实 before filing: who may be sent, who may answer, what each answer does, and what is on time. */
class ReportConfirmationTest {

    private static final Instant SENT = MONDAY_0900.plusSeconds(600);
    private static final Instant DUE = SENT.plusSeconds(1800);
    private static final PhotoRef SITE_PHOTO = new PhotoRef("6740a1b2c3d4e5f6a7b8c9d0", "sha-site", "image/jpeg", 1024,
            "VERIFICATION", null, null, null, "inspector", SENT.plusSeconds(900));

    @Test
    void aHotlineReportConfirmedWithAPhotoReturnsToTheFilingQueueAndIsFiled() {
        CaseFile file = CaseFixture.hotlineCase();
        file.requestConfirmation(OPERATOR, "inspector", DUE, SENT);

        assertThat(file.status()).isEqualTo(CaseStatus.CONFIRMING);
        assertThat(file.stageDueBy()).isEqualTo(DUE);
        assertThat(file.confirmation().dispatchedOnTime()).isTrue();
        assertThat(file.filing().filingOnTime()).as("sending to 核实 is the operator's first decision").isTrue();
        file.attachPhoto(SITE_PHOTO);
        file.confirm(INSPECTOR, "现场属实", List.of(SITE_PHOTO.id()), SENT.plusSeconds(1200));

        assertThat(file.status()).isEqualTo(CaseStatus.REPORTED);
        assertThat(file.confirmation().result()).isEqualTo(ConfirmationResult.CONFIRMED);
        assertThat(file.confirmation().answeredOnTime()).isTrue();
        file.file(OPERATOR, "符合立案标准", SENT.plusSeconds(1500));
        assertThat(file.status()).isEqualTo(CaseStatus.FILED);
        assertThat(file.changes()).extracting(c -> c.getClass().getSimpleName())
                .containsExactly("Reported", "ConfirmationRequested", "Confirmed", "Filed");
    }

    @Test
    void aConfirmationNeedsAPhotoAndOnlyTheAssigneeOrAShiftLeadMayAnswer() {
        CaseFile file = CaseFixture.hotlineCase();
        file.requestConfirmation(OPERATOR, "inspector", DUE, SENT);

        assertThatThrownBy(() -> file.confirm(INSPECTOR, "属实", List.of(), SENT.plusSeconds(60)))
                .isInstanceOfSatisfying(CaseRuleViolation.class, v -> assertThat(v.field()).isEqualTo("photoIds"));
        assertThatThrownBy(() -> file.confirm(new Participant("inspector-2", "inspector"), "属实",
                List.of(SITE_PHOTO.id()), SENT.plusSeconds(60))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> file.file(OPERATOR, "立案", SENT.plusSeconds(60)))
                .isInstanceOf(IllegalTransitionException.class);
        file.refute(SHIFT_LEAD, "电话联系来电人确认已自行清理", List.of(), SENT.plusSeconds(60));
        assertThat(file.status()).isEqualTo(CaseStatus.REJECTED);
    }

    @Test
    void aRefutedReportIsRejectedAsNotConfirmedAndALateAnswerIsCountedLate() {
        CaseFile file = CaseFixture.hotlineCase();
        file.requestConfirmation(OPERATOR, "inspector", DUE, SENT);

        file.refute(INSPECTOR, "现场未发现暴露垃圾", List.of(), DUE.plusSeconds(1));

        assertThat(file.status()).isEqualTo(CaseStatus.REJECTED);
        assertThat(file.confirmation().answeredOnTime()).isFalse();
        assertThat(file.changes()).last().isInstanceOfSatisfying(CaseChange.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(RejectionReason.NOT_CONFIRMED);
            assertThat(r.by().role()).as("the rule rejects, not the inspector").isEqualTo("system");
        });
        assertThat(file.changes()).filteredOn(CaseChange.Confirmed.class::isInstance).singleElement()
                .isInstanceOfSatisfying(CaseChange.Confirmed.class, c -> {
                    assertThat(c.result()).isEqualTo(ConfirmationResult.REFUTED);
                    assertThat(c.onTime()).isFalse();
                });
    }

    @Test
    void anInspectorsOwnReportIsNotSentAndNoReportIsSentTwice() {
        CaseFile own = CaseFixture.reportedCase();
        assertThatThrownBy(() -> own.requestConfirmation(OPERATOR, "inspector", DUE, SENT))
                .isInstanceOfSatisfying(CaseRuleViolation.class,
                        v -> assertThat(v.rule()).isEqualTo("not-inspector-report"));

        CaseFile hotline = CaseFixture.hotlineCase();
        hotline.requestConfirmation(OPERATOR, "inspector", DUE, FILING_DUE.plusSeconds(1));
        assertThat(hotline.confirmation().dispatchedOnTime()).as("sent after the filing limit").isFalse();
        hotline.attachPhoto(SITE_PHOTO);
        hotline.confirm(INSPECTOR, null, List.of(SITE_PHOTO.id()), DUE);
        assertThatThrownBy(() -> hotline.requestConfirmation(OPERATOR, "inspector", DUE, DUE))
                .isInstanceOfSatisfying(CaseRuleViolation.class, v -> assertThat(v.rule()).isEqualTo("once"));
    }

    @Test
    void theAutomaticRuleCoversItsSourcesAndCategoriesButNeverAnInspector() {
        AutoConfirmationRule citizensEvents = new AutoConfirmationRule(
                Set.of(ReportSource.PUBLIC, ReportSource.HOTLINE, ReportSource.INSPECTOR), List.of("02-"));

        assertThat(citizensEvents.applies("02-01-01", ReportSource.PUBLIC)).isTrue();
        assertThat(citizensEvents.applies("01-01-01", ReportSource.PUBLIC)).isFalse();
        assertThat(citizensEvents.applies("02-01-01", ReportSource.SENSOR)).isFalse();
        assertThat(citizensEvents.applies("02-01-01", ReportSource.INSPECTOR)).isFalse();
        assertThat(new AutoConfirmationRule(Set.of(ReportSource.VIDEO_AI), null).applies("01-01-06",
                ReportSource.VIDEO_AI)).isTrue();
    }
}
