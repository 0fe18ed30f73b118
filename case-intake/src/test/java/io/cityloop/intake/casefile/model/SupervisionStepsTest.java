package io.cityloop.intake.casefile.model;

import static io.cityloop.intake.casefile.model.CaseFixture.FILING_DUE;
import static io.cityloop.intake.casefile.model.CaseFixture.INSPECTOR;
import static io.cityloop.intake.casefile.model.CaseFixture.MONDAY_0900;
import static io.cityloop.intake.casefile.model.CaseFixture.OPERATOR;
import static io.cityloop.intake.casefile.model.CaseFixture.ROUTING;
import static io.cityloop.intake.casefile.model.CaseFixture.SHIFT_LEAD;
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

/** Merging, information requests, cancellation, photos and verification evidence: the supervision side paths. */
class SupervisionStepsTest {

    private static final Instant SOON = MONDAY_0900.plusSeconds(600);
    private static final Participant CITIZEN = new Participant("public", "public");

    private static CaseFile master() {
        return CaseFixture.reportedCase("CL20261123000009", OPERATOR);
    }

    private static CaseFile duplicate() {
        return CaseFixture.reportedCase("CL20261123000010", CITIZEN);
    }

    private static PhotoRef photo(String id, String sha) {
        return photo(id, sha, "VERIFICATION");
    }

    private static PhotoRef photo(String id, String sha, String stage) {
        return new PhotoRef(id, sha, "image/jpeg", 1000, stage, null, null, null, "inspector", SOON);
    }

    /** Each side-path step and the statuses it is allowed from; every other stage must refuse it untouched. */
    private static final Map<String, Consumer<CaseFile>> STEPS = Map.of(
            "merge", c -> c.mergeInto(master(), OPERATOR, "同一处垃圾", SOON),
            "request-information", c -> c.requestInformation(OPERATOR, "请补充具体位置", SOON),
            "supply-information", c -> c.supplyInformation(CITIZEN, "在公交站牌东侧", SOON),
            "cancel", c -> c.cancel(SHIFT_LEAD, "重复录入", SOON),
            "unmerge", c -> c.unmerge(SHIFT_LEAD, "不是同一处", SOON));

    private static final Map<String, EnumSet<CaseStatus>> ALLOWED_FROM = Map.of(
            "merge", EnumSet.of(CaseStatus.REPORTED, CaseStatus.INFO_REQUESTED),
            "request-information", EnumSet.of(CaseStatus.REPORTED),
            "supply-information", EnumSet.of(CaseStatus.INFO_REQUESTED),
            "cancel", EnumSet.of(CaseStatus.REPORTED, CaseStatus.INFO_REQUESTED, CaseStatus.FILED),
            "unmerge", EnumSet.of(CaseStatus.MERGED));

    private static final List<Supplier<CaseFile>> EVERY_STAGE = List.of(SupervisionStepsTest::duplicate,
            CaseFixture::filedCase, CaseFixture::dispatchedCase, CaseFixture::acceptedCase,
            CaseFixture::verifyingCase, CaseFixture::reworkCase, CaseFixture::closedCase,
            () -> {
                CaseFile asked = duplicate();
                asked.requestInformation(OPERATOR, "请补充照片", SOON);
                return asked;
            },
            () -> {
                CaseFile merged = duplicate();
                merged.mergeInto(master(), OPERATOR, null, SOON);
                return merged;
            },
            () -> {
                CaseFile cancelled = duplicate();
                cancelled.cancel(SHIFT_LEAD, "测试数据", SOON);
                return cancelled;
            });

    @Test
    void everySidePathIsAllowedExactlyFromItsStatuses() {
        for (var step : STEPS.entrySet()) {
            for (Supplier<CaseFile> stage : EVERY_STAGE) {
                CaseFile file = stage.get();
                CaseStatus before = file.status();
                int timelineBefore = file.timeline().size();
                if (ALLOWED_FROM.get(step.getKey()).contains(before)) {
                    step.getValue().accept(file);
                    assertThat(file.timeline()).as(step.getKey() + " from " + before).hasSize(timelineBefore + 1);
                } else {
                    assertThatThrownBy(() -> step.getValue().accept(file)).as(step.getKey() + " from " + before)
                            .isInstanceOf(IllegalTransitionException.class);
                    assertThat(file.status()).isEqualTo(before);
                    assertThat(file.timeline()).hasSize(timelineBefore);
                }
            }
        }
    }

    @Test
    void aMergeLinksTheMasterRegistersTheEventAndIsUndoneOnlyByAShiftLead() {
        CaseFile duplicate = duplicate();
        CaseFile master = master();

        duplicate.mergeInto(master, OPERATOR, "同一处垃圾", SOON);

        assertThat(duplicate.status()).isEqualTo(CaseStatus.MERGED);
        assertThat(duplicate.masterCaseId()).isEqualTo(master.id());
        assertThat(duplicate.changes()).last().isInstanceOfSatisfying(CaseChange.Merged.class,
                merged -> assertThat(merged.masterCaseId()).isEqualTo(master.id()));
        assertThatThrownBy(() -> duplicate.unmerge(OPERATOR, "误合并", SOON))
                .isInstanceOf(NotPermittedException.class);
        assertThat(duplicate.status()).isEqualTo(CaseStatus.MERGED);

        duplicate.unmerge(SHIFT_LEAD, "误合并", SOON);

        assertThat(duplicate.status()).isEqualTo(CaseStatus.REPORTED);
        assertThat(duplicate.masterCaseId()).isNull();
        assertThat(duplicate.changes()).last().isInstanceOf(CaseChange.Unmerged.class);
    }

    @Test
    void aCaseCannotBeMergedIntoItselfOrIntoAnEndedCase() {
        CaseFile report = duplicate();
        assertThatThrownBy(() -> report.mergeInto(report, OPERATOR, null, SOON))
                .isInstanceOfSatisfying(CaseRuleViolation.class, e -> assertThat(e.rule()).isEqualTo("not-self"));
        CaseFile closed = CaseFixture.closedCase();
        assertThatThrownBy(() -> report.mergeInto(closed, OPERATOR, null, SOON))
                .isInstanceOfSatisfying(CaseRuleViolation.class, e -> assertThat(e.rule()).isEqualTo("open-case"));
        assertThat(report.status()).isEqualTo(CaseStatus.REPORTED);
    }

    @Test
    void theMasterCreditsEachDuplicateReporterOnce() {
        CaseFile master = master();

        assertThat(master.creditReporter(CITIZEN)).isTrue();
        assertThat(master.creditReporter(CITIZEN)).isFalse();
        assertThat(master.creditReporter(OPERATOR)).as("the master's own reporter").isFalse();
        assertThat(master.coReporters()).containsExactly(CITIZEN);
        assertThat(master.withdrawCredit(CITIZEN)).isTrue();
        assertThat(master.coReporters()).isEmpty();
    }

    @Test
    void onlyAShiftLeadCancelsAndOnlyWithAReason() {
        CaseFile filed = CaseFixture.filedCase();
        assertThatThrownBy(() -> filed.cancel(OPERATOR, "重复", SOON)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> filed.cancel(SHIFT_LEAD, " ", SOON)).isInstanceOf(CaseRuleViolation.class);

        filed.cancel(SHIFT_LEAD, "测试数据误报", SOON);

        assertThat(filed.status()).isEqualTo(CaseStatus.CANCELLED);
        assertThat(filed.changes()).last().isInstanceOf(CaseChange.Cancelled.class);
    }

    @Test
    void theFirstFilingDecisionStopsTheOperatorsClock() {
        CaseFile onTime = CaseFixture.reportedCase();
        onTime.file(OPERATOR, null, FILING_DUE);
        assertThat(onTime.snapshot().filing().filingOnTime()).isTrue();

        CaseFile late = CaseFixture.reportedCase();
        late.requestInformation(OPERATOR, "请补充照片", FILING_DUE.plusSeconds(1));
        late.supplyInformation(INSPECTOR, "已补充", FILING_DUE.plusSeconds(600));
        late.file(OPERATOR, null, FILING_DUE.plusSeconds(700));
        assertThat(late.snapshot().filing().filingOnTime()).isFalse();
        assertThat(late.snapshot().filing().filingDecidedAt()).isEqualTo(FILING_DUE.plusSeconds(1));
    }

    @Test
    void theStageDeadlineFollowsTheCase() {
        assertThat(CaseFixture.reportedCase().stageDueBy()).isEqualTo(FILING_DUE);
        assertThat(CaseFixture.filedCase().stageDueBy()).isNull();
        assertThat(CaseFixture.dispatchedCase().stageDueBy()).isEqualTo(TASK.deadline());
        assertThat(CaseFixture.verifyingCase().stageDueBy()).isEqualTo(CaseFixture.verifyingCase().verification().dueBy());
        assertThat(CaseFixture.closedCase().stageDueBy()).isNull();
    }

    @Test
    void aReportHoldsAtMostSixPhotosAndTheSameContentOnce() {
        CaseFile file = CaseFixture.reportedCase();
        for (int i = 0; i < CaseFile.MAX_REPORT_PHOTOS; i++) {
            file.attachPhoto(photo("p" + i, "sha" + i, "REPORT"));
        }
        PhotoRef again = file.attachPhoto(photo("other-id", "sha3", "REPORT"));

        assertThat(again.id()).isEqualTo("p3");
        assertThatThrownBy(() -> file.attachPhoto(photo("p7", "sha7", "REPORT")))
                .isInstanceOfSatisfying(CaseRuleViolation.class, e -> {
                    assertThat(e.field()).isEqualTo("file");
                    assertThat(e.rule()).isEqualTo("max-count");
                });
        assertThat(file.photos()).hasSize(CaseFile.MAX_REPORT_PHOTOS);
    }

    @Test
    void aFullReportStillLeavesRoomForTheFeedbackAndTheCheckUpToThirtyInAll() {
        CaseFile file = CaseFixture.verifyingCase();
        for (int i = 0; i < CaseFile.MAX_REPORT_PHOTOS; i++) {
            file.attachPhoto(photo("report-" + i, "sha-report-" + i, "REPORT"));
        }
        file.attachPhoto(photo("handling-1", "sha-handling-1", "HANDLING"));
        file.attachPhoto(photo("site-1", "sha-site-1", "VERIFICATION"));
        assertThat(file.photos()).hasSize(8);

        for (int i = 8; i < CaseFile.MAX_PHOTOS; i++) {
            file.attachPhoto(photo("other-" + i, "sha-other-" + i, i % 2 == 0 ? "HANDLING" : "OTHER"));
        }
        assertThat(file.photos()).hasSize(CaseFile.MAX_PHOTOS);
        assertThatThrownBy(() -> file.attachPhoto(photo("site-2", "sha-site-2", "VERIFICATION")))
                .isInstanceOfSatisfying(CaseRuleViolation.class, e -> {
                    assertThat(e.field()).isEqualTo("file");
                    assertThat(e.rule()).isEqualTo("max-count");
                    assertThat(e.getMessage()).contains("30");
                });
        assertThat(file.attachPhoto(photo("again", "sha-site-1", "VERIFICATION")).id()).isEqualTo("site-1");
        assertThat(file.photos()).hasSize(CaseFile.MAX_PHOTOS);
    }

    @Test
    void aVerdictCitesPhotosOfTheCaseAndNeedsOneWhenTheCityRequiresIt() {
        CaseFile file = CaseFixture.verifyingCase();
        Instant now = MONDAY_0900.plusSeconds(9000);

        assertThatThrownBy(() -> file.pass(INSPECTOR, "已清理", List.of(), true, now))
                .isInstanceOfSatisfying(CaseRuleViolation.class, e -> assertThat(e.field()).isEqualTo("photoIds"));
        assertThatThrownBy(() -> file.pass(INSPECTOR, "已清理", List.of("nope"), false, now))
                .isInstanceOfSatisfying(CaseRuleViolation.class, e -> assertThat(e.rule()).isEqualTo("known-photo"));
        assertThat(file.status()).isEqualTo(CaseStatus.VERIFYING);

        file.attachPhoto(photo("site-1", "sha-site-1"));
        file.fail(INSPECTOR, "仍有残留", List.of("site-1"), true, now);

        assertThat(file.status()).isEqualTo(CaseStatus.REWORK);
        assertThat(file.reworkCount()).isEqualTo(1);
        assertThat(file.verification().photoIds()).containsExactly("site-1");
    }

    @Test
    void everyFailedCheckCountsAsRework() {
        CaseFile file = CaseFixture.reworkCase();
        file.recordReworkDispatched("e-rd", ROUTING, MONDAY_0900.plusSeconds(40_000), MONDAY_0900.plusSeconds(9100));
        file.recordHandled("e-h2", CaseFixture.QINDU, "再次清理", MONDAY_0900.plusSeconds(20_000), "inspector",
                MONDAY_0900.plusSeconds(23_600));
        file.fail(INSPECTOR, "还有残留", MONDAY_0900.plusSeconds(21_000));

        assertThat(file.reworkCount()).isEqualTo(2);
        assertThat(CaseFile.restore(file.snapshot()).reworkCount()).isEqualTo(2);
    }

    @Test
    void autoFilingIsRecordedAsTheSystemsDecision() {
        CaseFile file = CaseFixture.reportedCase();
        file.autoFile("燃气浓度超限", SOON);

        assertThat(file.status()).isEqualTo(CaseStatus.FILED);
        assertThat(file.timeline()).last().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("auto-filing");
            assertThat(entry.role()).isEqualTo("system");
        });
    }

    @Test
    void anAutoFilingRuleNeedsItsCategorySourceAndThreshold() {
        AutoFilingRule gas = new AutoFilingRule("02-04-03", java.util.Set.of(ReportSource.SENSOR), 25.0);

        assertThat(gas.applies("02-04-03", ReportSource.SENSOR, new ReportOrigin("gas-17", 30.0, null, null))).isTrue();
        assertThat(gas.applies("02-04-03", ReportSource.SENSOR, new ReportOrigin("gas-17", 20.0, null, null))).isFalse();
        assertThat(gas.applies("02-04-03", ReportSource.SENSOR, ReportOrigin.NONE)).isFalse();
        assertThat(gas.applies("02-04-03", ReportSource.INSPECTOR, new ReportOrigin(null, 99.0, null, null))).isFalse();
        assertThat(gas.applies("02-04-05", ReportSource.SENSOR, new ReportOrigin("w-1", 99.0, null, null))).isFalse();
        assertThat(new AutoFilingRule("02-04-08", java.util.Set.of(ReportSource.VIDEO_AI), null)
                .applies("02-04-08", ReportSource.VIDEO_AI, ReportOrigin.NONE)).isTrue();
    }
}
