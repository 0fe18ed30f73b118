package io.cityloop.dispatch.task.model;

import static io.cityloop.dispatch.task.model.TaskFixture.DISPATCHER;
import static io.cityloop.dispatch.task.model.TaskFixture.HANDLER;
import static io.cityloop.dispatch.task.model.TaskFixture.INSPECTOR;
import static io.cityloop.dispatch.task.model.TaskFixture.RULES;
import static io.cityloop.dispatch.task.model.TaskFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The side paths of the task: return, extension, suspension, the deadline watch and escalation. */
class TaskLifecycleTest {

    private static final Instant MONDAY_0900 = at(2026, 9, 21, 9, 0);

    private static final Map<String, Consumer<Task>> COMMANDS = Map.ofEntries(
            Map.entry("accept", t -> t.accept(HANDLER, MONDAY_0900)),
            Map.entry("feed back", t -> t.markHandled(HANDLER, "已处理", null, MONDAY_0900)),
            Map.entry("return", t -> t.returnToDispatcher(HANDLER, "不属本单位", MONDAY_0900)),
            Map.entry("request extension",
                    t -> t.requestExtension(HANDLER, Duration.ofHours(7), "需协调", RULES, MONDAY_0900)),
            Map.entry("decide extension", t -> t.decideExtension(DISPATCHER, true, "同意", RULES, MONDAY_0900)),
            Map.entry("suspend", t -> t.suspend(DISPATCHER, "挂账", MONDAY_0900)),
            Map.entry("resume", t -> t.resume(DISPATCHER, "恢复", RULES, MONDAY_0900)),
            Map.entry("rework", t -> t.reopenForRework("rework-x", INSPECTOR, "不合格", RULES, MONDAY_0900)),
            Map.entry("review return", t -> t.reviewReturn(DISPATCHER, true, "派遣错误", MONDAY_0900)),
            Map.entry("reassign", t -> t.reassign(t.id().next(t.subject().caseId()), DISPATCHER, "市环境卫生管理中心",
                    "属主干道保洁范围", MONDAY_0900)),
            Map.entry("request suspension", t -> t.requestSuspension(HANDLER, "待施工结束", MONDAY_0900)),
            Map.entry("decide suspension", t -> t.decideSuspension(DISPATCHER, true, "同意缓办", MONDAY_0900)));

    private static final Map<String, Supplier<Task>> FIXTURES = Map.of(
            "DISPATCHED", TaskFixture::dispatchedTask,
            "ACCEPTED", TaskFixture::acceptedTask,
            "HANDLED", TaskFixture::handledTask,
            "REWORK", TaskFixture::reworkTask,
            "RETURNED", TaskFixture::returnedTask,
            "EXTENSION_REQUESTED", TaskFixture::extensionRequestedTask,
            "SUSPENDED", TaskFixture::suspendedTask,
            "SUSPENSION_REQUESTED", TaskFixture::suspensionRequestedTask);

    /** Which command each status allows; every other pair is forbidden. */
    private static final Map<String, java.util.Set<String>> ALLOWED = Map.of(
            "DISPATCHED", java.util.Set.of("accept", "return", "reassign"),
            "ACCEPTED", java.util.Set.of("feed back", "return", "request extension", "suspend",
                    "request suspension", "reassign"),
            "HANDLED", java.util.Set.of("rework"),
            "REWORK", java.util.Set.of("feed back", "request extension", "suspend", "request suspension"),
            "RETURNED", java.util.Set.of("review return"),
            "EXTENSION_REQUESTED", java.util.Set.of("decide extension"),
            "SUSPENDED", java.util.Set.of("resume", "reassign"),
            "SUSPENSION_REQUESTED", java.util.Set.of("decide suspension"));

    /** Allowed commands that only write the task's history: no case event exists for them. */
    private static final java.util.Set<String> HISTORY_ONLY = java.util.Set.of("request suspension");

    static Stream<Arguments> everyStatusAndCommand() {
        return FIXTURES.keySet().stream().sorted().flatMap(status -> COMMANDS.keySet().stream().sorted()
                .map(command -> Arguments.of(status, command, ALLOWED.get(status).contains(command))));
    }

    @ParameterizedTest(name = "{0} + {1} allowed: {2}")
    @MethodSource("everyStatusAndCommand")
    void eachStatusAllowsExactlyItsCommands(String status, String command, boolean allowed) {
        Task task = FIXTURES.get(status).get();
        long events = task.journal().eventCount();
        TaskStatus before = task.status();
        task.drainEvents();

        if (allowed) {
            COMMANDS.get(command).accept(task);
            assertThat(task.journal().eventCount()).isGreaterThan(events);
            assertThat(task.drainEvents().isEmpty()).isEqualTo(HISTORY_ONLY.contains(command));
        } else {
            assertThatThrownBy(() -> COMMANDS.get(command).accept(task))
                    .isInstanceOf(IllegalTransitionException.class);
            assertThat(task.status()).isEqualTo(before);
            assertThat(task.journal().eventCount()).isEqualTo(events);
            assertThat(task.drainEvents()).isEmpty();
        }
    }

    @Nested
    class Return {

        @Test
        void returnEndsTheTaskWithTheReason() {
            Task task = TaskFixture.returnedTask();

            assertThat(task.status()).isEqualTo(TaskStatus.RETURNED);
            assertThat(task.handback().returnReason()).isEqualTo("该地点属渭城区辖区");
            assertThat(task.status().isOpen()).isFalse();
            assertThat(task.drainEvents()).last().isInstanceOf(TaskEvent.Returned.class);
        }

        @Test
        void aReturnNeedsAReason() {
            Task task = TaskFixture.dispatchedTask();

            assertThatThrownBy(() -> task.returnToDispatcher(HANDLER, " ", MONDAY_0900))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(task.status()).isEqualTo(TaskStatus.DISPATCHED);
        }

        @Test
        void aReturnIsReviewedOnceAndThenRedispatchedOnce() {
            Task task = TaskFixture.returnedTask();
            TaskId next = task.id().next(task.subject().caseId());

            assertThatThrownBy(() -> task.markRedispatched(next, DISPATCHER, "改派", MONDAY_0900))
                    .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("reviewed");
            task.reviewReturn(DISPATCHER, true, "派遣错误", MONDAY_0900);
            assertThat(task.handback().returnReview().justified()).isTrue();
            assertThatThrownBy(() -> task.reviewReturn(DISPATCHER, false, "再审", MONDAY_0900))
                    .isInstanceOf(IllegalTransitionException.class);

            task.markRedispatched(next, DISPATCHER, "改派渭城区", MONDAY_0900);

            assertThat(task.handback().redispatchedAs()).isEqualTo("TQD-202609-0042-02");
            assertThatThrownBy(() -> task.markRedispatched(next, DISPATCHER, "again", MONDAY_0900))
                    .isInstanceOf(IllegalTransitionException.class);
        }
    }

    @Nested
    class Extension {

        /** Deadline Sunday 2026-09-20 17:00; two more working days = Monday 17:00 + 7 h = Tuesday 17:00. */
        @Test
        void approvalAddsTheRequestedWorkingTime() {
            Task task = TaskFixture.extensionRequestedTask();
            assertThat(task.hold().pendingExtension().requestedDeadline()).isEqualTo(at(2026, 9, 22, 17, 0));
            assertThat(task.countdown().deadline()).isEqualTo(at(2026, 9, 20, 17, 0));

            task.decideExtension(DISPATCHER, true, "同意延期", RULES, at(2026, 9, 20, 11, 0));

            assertThat(task.status()).isEqualTo(TaskStatus.ACCEPTED);
            assertThat(task.countdown().deadline()).isEqualTo(at(2026, 9, 22, 17, 0));
            assertThat(task.handling().extensionCount()).isEqualTo(1);
            assertThat(task.hold().pendingExtension()).isNull();
            assertThat(task.drainEvents()).last().isInstanceOfSatisfying(TaskEvent.ExtensionDecided.class,
                    e -> assertThat(e.deadline()).isEqualTo(at(2026, 9, 22, 17, 0)));
        }

        @Test
        void rejectionLeavesTheDeadlineStanding() {
            Task task = TaskFixture.extensionRequestedTask();

            task.decideExtension(DISPATCHER, false, "不予延期", RULES, at(2026, 9, 20, 11, 0));

            assertThat(task.status()).isEqualTo(TaskStatus.ACCEPTED);
            assertThat(task.countdown().deadline()).isEqualTo(at(2026, 9, 20, 17, 0));
            assertThat(task.handling().extensionCount()).isZero();
        }
    }

    @Nested
    class Suspension {

        /**
         * Suspended Sunday 10:00 (调休 working day) until Tuesday 10:00: 5.5 h on Sunday (10:00–12:00, 14:30–18:00),
         * 7 h Monday and 1.5 h Tuesday stood still = 14 h; Sunday 17:00 + 14 working hours = Tuesday 17:00.
         */
        @Test
        void theClockStopsWhileSuspendedAndTheDeadlineMovesByTheStoppedWorkingTime() {
            Task task = TaskFixture.suspendedTask();
            assertThat(task.isOverdue(at(2026, 9, 30, 9, 0))).isFalse();
            assertThat(task.watch(RULES, at(2026, 9, 30, 9, 0))).isFalse();
            Duration leftWhenSuspended = task.remainingWorkingTime(RULES.calendar(), at(2026, 9, 20, 10, 0));
            assertThat(task.remainingWorkingTime(RULES.calendar(), at(2026, 9, 22, 10, 0)))
                    .isEqualTo(leftWhenSuspended);

            task.resume(DISPATCHER, "资金到位", RULES, at(2026, 9, 22, 10, 0));

            assertThat(task.status()).isEqualTo(TaskStatus.ACCEPTED);
            assertThat(task.countdown().deadline()).isEqualTo(RULES.calendar().plusWorkingTime(at(2026, 9, 20, 17, 0),
                    Duration.ofHours(14)));
            assertThat(task.countdown().deadline()).isEqualTo(at(2026, 9, 22, 17, 0));
            assertThat(task.drainEvents()).last().isInstanceOfSatisfying(TaskEvent.Resumed.class,
                    e -> assertThat(e.deadline()).isEqualTo(at(2026, 9, 22, 17, 0)));
        }
    }

    @Nested
    class DeadlineWatch {

        /** Dispatched Friday 17:00 with 7 h: 80% = 5.6 h = 5 h 36 min → Sunday 15:36 (1 h Fri, 3.5 h, then 1 h 06). */
        @Test
        void warnsOnceAtEightyPercentAndSignalsOverdueOnceAtTheDeadline() {
            Task task = TaskFixture.dispatchedTask();
            task.drainEvents();
            assertThat(task.countdown().warnAt()).isEqualTo(at(2026, 9, 20, 15, 36));

            assertThat(task.watch(RULES, at(2026, 9, 20, 15, 35))).isFalse();
            assertThat(task.watch(RULES, at(2026, 9, 20, 15, 36))).isTrue();
            assertThat(task.drainEvents()).singleElement().isInstanceOfSatisfying(TaskEvent.Warned.class,
                    e -> assertThat(e.at()).isEqualTo(at(2026, 9, 20, 15, 36)));
            assertThat(task.watch(RULES, at(2026, 9, 20, 16, 0))).isFalse();

            assertThat(task.watch(RULES, at(2026, 9, 20, 17, 0))).isFalse();
            assertThat(task.watch(RULES, at(2026, 9, 20, 17, 1))).isTrue();
            assertThat(task.drainEvents()).singleElement().isInstanceOfSatisfying(TaskEvent.WentOverdue.class,
                    e -> assertThat(e.at()).isEqualTo(at(2026, 9, 20, 17, 0)));
            assertThat(task.watch(RULES, at(2026, 9, 20, 17, 30))).isFalse();
        }

        @Test
        void escalatesAutomaticallyOnceEveryWorkingDayOverdueUpToTheMaximum() {
            Task task = TaskFixture.dispatchedTask();
            task.watch(RULES, at(2026, 9, 21, 9, 0));
            task.drainEvents();
            assertThat(task.countdown().escalationLevel()).isZero();

            task.watch(RULES, at(2026, 9, 21, 17, 0));
            assertThat(task.countdown().escalationLevel()).isEqualTo(1);
            assertThat(task.drainEvents()).singleElement().isInstanceOfSatisfying(TaskEvent.Escalated.class,
                    e -> assertThat(e.level()).isEqualTo(1));

            task.watch(RULES, at(2026, 10, 30, 9, 0));
            assertThat(task.countdown().escalationLevel()).isEqualTo(3);
            assertThat(task.watch(RULES, at(2026, 11, 30, 9, 0))).isFalse();
        }

        @Test
        void aSupervisorEscalatesByHandAndTheLevelIsRecorded() {
            Task task = TaskFixture.acceptedTask();

            task.escalate(new Performer("leader-li", "supervisor"), "群众多次投诉，领导督办", RULES,
                    at(2026, 9, 20, 10, 0));

            assertThat(task.countdown().escalationLevel()).isEqualTo(1);
            assertThat(task.journal().history()).last().satisfies(h -> {
                assertThat(h.type()).isEqualTo("escalated");
                assertThat(h.actor()).isEqualTo("leader-li");
                assertThat(h.role()).isEqualTo("supervisor");
            });
        }

        @Test
        void anApprovedExtensionGivesANewDeadlineItsOwnSignals() {
            Task task = TaskFixture.extensionRequestedTask();
            task.watch(RULES, at(2026, 9, 20, 17, 1));
            assertThat(task.countdown().warned()).isTrue();
            assertThat(task.countdown().overdue()).isTrue();

            task.decideExtension(DISPATCHER, true, "同意", RULES, at(2026, 9, 21, 9, 0));

            assertThat(task.countdown().warned()).isFalse();
            assertThat(task.countdown().overdue()).isFalse();
        }

        @Test
        void aHandledTaskIsNotWatched() {
            Task task = TaskFixture.handledTask();

            assertThat(task.watch(RULES, at(2026, 12, 1, 9, 0))).isFalse();
        }
    }

    @Test
    void aChangedCalendarReprojectsTheDeadlineAndSaysFromWhere() {
        Task task = TaskFixture.dispatchedTask();
        io.cityloop.reference.WorkingCalendar noMakeUpSunday = new io.cityloop.reference.WorkingCalendar(
                RULES.calendar().zone(), java.util.List.of(
                new io.cityloop.reference.OfficePeriod(java.time.LocalTime.of(8, 30), java.time.LocalTime.of(12, 0)),
                new io.cityloop.reference.OfficePeriod(java.time.LocalTime.of(14, 30),
                        java.time.LocalTime.of(18, 0))), 7, java.util.Set.of(), java.util.Set.of());

        task.drainEvents();
        Performer admin = new Performer("admin-zhao", "admin");

        var before = task.reproject(RULES.withCalendar(noMakeUpSunday), 2, admin, "取消9月20日调休",
                at(2026, 9, 19, 9, 0));

        assertThat(before).contains(at(2026, 9, 20, 17, 0));
        assertThat(task.countdown().deadline()).isEqualTo(at(2026, 9, 21, 17, 0));
        assertThat(task.journal().history()).last().satisfies(h -> {
            assertThat(h.type()).isEqualTo("deadline-reprojected");
            assertThat(h.actor()).isEqualTo("admin-zhao");
        });
        assertThat(task.drainEvents()).singleElement().isInstanceOfSatisfying(TaskEvent.DeadlineMoved.class, e -> {
            assertThat(e.previousDeadline()).isEqualTo(at(2026, 9, 20, 17, 0));
            assertThat(e.deadline()).isEqualTo(at(2026, 9, 21, 17, 0));
            assertThat(e.reason()).isEqualTo("working calendar v2: 取消9月20日调休");
            assertThat(e.by()).isEqualTo(admin);
        });
        assertThat(task.reproject(RULES.withCalendar(noMakeUpSunday), 2, admin, "again", at(2026, 9, 19, 9, 0)))
                .isEmpty();
        assertThat(task.drainEvents()).isEmpty();
    }

    @Nested
    class Reassignment {

        @Test
        void anOpenTaskEndsAsAJustifiedReturnByTheDispatcherAndNamesItsSuccessor() {
            Task task = TaskFixture.acceptedTask();
            task.drainEvents();
            TaskId next = task.id().next(task.subject().caseId());

            task.reassign(next, DISPATCHER, "市环境卫生管理中心", "属主干道保洁范围", MONDAY_0900);

            assertThat(task.status()).isEqualTo(TaskStatus.RETURNED);
            assertThat(task.handback().redispatchedAs()).isEqualTo(next.value());
            assertThat(task.handback().returnReason()).isEqualTo("属主干道保洁范围");
            assertThat(task.handback().returnReview().justified()).isTrue();
            assertThat(task.handback().returnReview().reviewedBy()).isEqualTo(DISPATCHER.id());
            assertThat(task.handback().returnReview().reason()).contains("市环境卫生管理中心");
            assertThat(task.drainEvents()).satisfiesExactly(
                    e -> assertThat(e).isInstanceOfSatisfying(TaskEvent.Returned.class,
                            r -> assertThat(r.by()).isEqualTo(DISPATCHER)),
                    e -> assertThat(e).isInstanceOfSatisfying(TaskEvent.ReturnReviewed.class,
                            r -> assertThat(r.justified()).isTrue()));
            assertThat(task.journal().history()).extracting(TaskHistoryEntry::type)
                    .endsWith("reassigned", "return-accepted", "redispatched");
            assertThatThrownBy(() -> task.markRedispatched(next, DISPATCHER, "again", MONDAY_0900))
                    .isInstanceOf(IllegalTransitionException.class);
        }

        @Test
        void aSuspensionInForceEndsWithTheTask() {
            Task task = TaskFixture.suspendedTask();

            task.reassign(task.id().next(task.subject().caseId()), DISPATCHER, "市市政设施管理中心", "属市政设施", MONDAY_0900);

            assertThat(task.countdown().clock().isSuspended()).isFalse();
            assertThat(task.countdown().clock().suspensions()).last().satisfies(s -> assertThat(s.to()).isEqualTo(MONDAY_0900));
        }

        @Test
        void aReassignmentNeedsAReasonAndChangesNothingWithout() {
            Task task = TaskFixture.dispatchedTask();

            assertThatThrownBy(() -> task.reassign(task.id().next(task.subject().caseId()), DISPATCHER, "市水务集团", " ",
                    MONDAY_0900)).isInstanceOf(IllegalArgumentException.class);
            assertThat(task.status()).isEqualTo(TaskStatus.DISPATCHED);
        }

        @Test
        void theUnitCannotReturnASuspendedTask() {
            Task task = TaskFixture.suspendedTask();

            assertThatThrownBy(() -> task.returnToDispatcher(HANDLER, "不属本单位", MONDAY_0900))
                    .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("改派");
        }
    }

    @Nested
    class SuspensionRequest {

        @Test
        void theRequestIsRecordedOnlyAndTheClockRunsOn() {
            Task task = TaskFixture.acceptedTask();
            task.drainEvents();
            Instant deadline = task.countdown().deadline();

            task.requestSuspension(HANDLER, "道路改造工程施工中，申请缓办", at(2026, 9, 20, 10, 0));

            assertThat(task.status()).isEqualTo(TaskStatus.SUSPENSION_REQUESTED);
            assertThat(task.hold().pendingSuspension().reason()).isEqualTo("道路改造工程施工中，申请缓办");
            assertThat(task.hold().pendingSuspension().requestedBy()).isEqualTo(HANDLER.id());
            assertThat(task.countdown().clock().isSuspended()).isFalse();
            assertThat(task.countdown().deadline()).isEqualTo(deadline);
            assertThat(task.drainEvents()).isEmpty();
            assertThat(task.journal().history()).last().extracting(TaskHistoryEntry::type).isEqualTo("suspension-requested");
            assertThat(task.watch(RULES, at(2026, 9, 20, 17, 1))).isTrue();
        }

        @Test
        void approvalStopsTheClockLikeTheDispatchersSuspensionAndAnnouncesIt() {
            Task task = TaskFixture.suspensionRequestedTask();
            task.drainEvents();

            task.decideSuspension(DISPATCHER, true, "同意缓办", at(2026, 9, 20, 11, 0));

            assertThat(task.status()).isEqualTo(TaskStatus.SUSPENDED);
            assertThat(task.hold().pendingSuspension()).isNull();
            assertThat(task.countdown().clock().isSuspended()).isTrue();
            assertThat(task.drainEvents()).singleElement().isInstanceOfSatisfying(TaskEvent.Suspended.class, e -> {
                assertThat(e.by()).isEqualTo(DISPATCHER);
                assertThat(e.reason()).isEqualTo("道路改造工程施工中，申请缓办");
            });
            assertThat(task.journal().history()).last().extracting(TaskHistoryEntry::type).isEqualTo("suspension-approved");

            task.resume(DISPATCHER, "施工结束", RULES, at(2026, 9, 22, 10, 0));
            assertThat(task.status()).isEqualTo(TaskStatus.ACCEPTED);
        }

        @Test
        void rejectionReturnsTheTaskToWhereItWasAndIsRecordedOnly() {
            Task task = TaskFixture.reworkTask();
            task.requestSuspension(HANDLER, "申请缓办", at(2026, 9, 21, 11, 0));
            task.drainEvents();

            task.decideSuspension(DISPATCHER, false, "不符合缓办条件", at(2026, 9, 21, 14, 30));

            assertThat(task.status()).isEqualTo(TaskStatus.REWORK);
            assertThat(task.hold().pendingSuspension()).isNull();
            assertThat(task.countdown().clock().isSuspended()).isFalse();
            assertThat(task.drainEvents()).isEmpty();
            assertThat(task.journal().history()).last().satisfies(h -> {
                assertThat(h.type()).isEqualTo("suspension-rejected");
                assertThat(h.fromStatus()).isEqualTo(TaskStatus.SUSPENSION_REQUESTED);
                assertThat(h.toStatus()).isEqualTo(TaskStatus.REWORK);
            });
        }

        @Test
        void requestAndDecisionNeedAReason() {
            Task task = TaskFixture.acceptedTask();
            assertThatThrownBy(() -> task.requestSuspension(HANDLER, "", MONDAY_0900))
                    .isInstanceOf(IllegalArgumentException.class);
            Task requested = TaskFixture.suspensionRequestedTask();
            assertThatThrownBy(() -> requested.decideSuspension(DISPATCHER, true, null, MONDAY_0900))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(requested.status()).isEqualTo(TaskStatus.SUSPENSION_REQUESTED);
        }
    }
}
