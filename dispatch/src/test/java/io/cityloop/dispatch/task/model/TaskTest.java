package io.cityloop.dispatch.task.model;

import static io.cityloop.dispatch.task.model.TaskFixture.RULES;
import static io.cityloop.dispatch.task.model.TaskFixture.FRIDAY_1700;
import static io.cityloop.dispatch.task.model.TaskFixture.HANDLER;
import static io.cityloop.dispatch.task.model.TaskFixture.INSPECTOR;
import static io.cityloop.dispatch.task.model.TaskFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.function.Consumer;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TaskTest {

    private static final Instant SUNDAY_1700 = at(2026, 9, 20, 17, 0);
    private static final Instant MONDAY_1000 = at(2026, 9, 21, 10, 0);
    private static final Instant TUESDAY_1000 = at(2026, 9, 22, 10, 0);

    private static final Consumer<Task> ACCEPT = task -> task.accept(HANDLER, MONDAY_1000);
    private static final Consumer<Task> FEED_BACK = task -> task.markHandled(HANDLER, "已处理", null, MONDAY_1000);
    private static final Consumer<Task> REOPEN = task -> task.reopenForRework("rework-event-9", INSPECTOR, "未处理完",
            RULES, MONDAY_1000);

    @Nested
    class Dispatch {

        @Test
        void createsADispatchedTaskForTheRoutedUnit() {
            Task task = TaskFixture.dispatchedTask();

            assertThat(task.id().value()).isEqualTo("TQD-202609-0042-01");
            assertThat(task.status()).isEqualTo(TaskStatus.DISPATCHED);
            assertThat(task.assignment().unitId()).isEqualTo("district-610402");
            assertThat(task.assignment().unitName()).isEqualTo("秦都区");
            assertThat(task.subject().categoryName()).isEqualTo("暴露垃圾");
            assertThat(task.assignment().dispatchedAt()).isEqualTo(FRIDAY_1700);
            assertThat(task.handling().reworkCount()).isZero();
            assertThat(task.handling().handledOnTime()).isNull();
            assertThat(task.hasApplied(TaskFixture.FILED_EVENT)).isTrue();
        }

        /** 1 working day = 7 h: 1 h on Friday, then 调休 Sunday 2026-09-20 is a working day (3.5 h + 2.5 h). */
        @Test
        void deadlineIsTheCategoryLimitOnTheWorkingCalendar() {
            assertThat(TaskFixture.dispatchedTask("02-01-01").countdown().deadline()).isEqualTo(SUNDAY_1700);
        }

        /** 3 working days = 21 h: Fri 1 h, Sun 7 h, Mon 7 h, Tue 6 h → Tuesday 17:00. */
        @Test
        void deadlineOfAManholeCoverCountsThreeWorkingDays() {
            assertThat(TaskFixture.dispatchedTask("01-01-01").countdown().deadline()).isEqualTo(at(2026, 9, 22, 17, 0));
        }

        @Test
        void recordsTheDispatchInHistoryAndAsAnEvent() {
            Task task = TaskFixture.dispatchedTask();

            assertThat(task.journal().history()).singleElement().satisfies(entry -> {
                assertThat(entry.type()).isEqualTo("dispatched");
                assertThat(entry.fromStatus()).isNull();
                assertThat(entry.toStatus()).isEqualTo(TaskStatus.DISPATCHED);
                assertThat(entry.actor()).isEqualTo("auto-routing");
                assertThat(entry.role()).isEqualTo("system");
            });
            assertThat(task.drainEvents()).singleElement().isInstanceOfSatisfying(TaskEvent.Dispatched.class, e -> {
                assertThat(e.sequence()).isEqualTo(1);
                assertThat(e.deadline()).isEqualTo(SUNDAY_1700);
            });
            assertThat(task.drainEvents()).isEmpty();
        }
    }

    @Nested
    class AllowedTransitions {

        @Test
        void acceptMovesDispatchedToAccepted() {
            Task task = TaskFixture.dispatchedTask();
            task.drainEvents();

            task.accept(HANDLER, at(2026, 9, 20, 9, 0));

            assertThat(task.status()).isEqualTo(TaskStatus.ACCEPTED);
            assertThat(task.handling().acceptedAt()).isEqualTo(at(2026, 9, 20, 9, 0));
            assertThat(task.journal().history()).last().satisfies(entry -> {
                assertThat(entry.fromStatus()).isEqualTo(TaskStatus.DISPATCHED);
                assertThat(entry.toStatus()).isEqualTo(TaskStatus.ACCEPTED);
                assertThat(entry.actor()).isEqualTo("qindu-platform");
                assertThat(entry.role()).isEqualTo("department");
            });
            assertThat(task.drainEvents()).singleElement().isInstanceOfSatisfying(TaskEvent.Accepted.class,
                    e -> assertThat(e.sequence()).isEqualTo(2));
        }

        @Test
        void feedbackBeforeTheDeadlineIsOnTime() {
            Task task = TaskFixture.acceptedTask();
            task.drainEvents();

            task.markHandled(HANDLER, "垃圾已清运", "photo-1", SUNDAY_1700);

            assertThat(task.status()).isEqualTo(TaskStatus.HANDLED);
            assertThat(task.handling().handledAt()).isEqualTo(SUNDAY_1700);
            assertThat(task.handling().handledOnTime()).isTrue();
            assertThat(task.handling().note()).isEqualTo("垃圾已清运");
            assertThat(task.handling().photoRef()).isEqualTo("photo-1");
            assertThat(task.drainEvents()).singleElement().isInstanceOfSatisfying(TaskEvent.Handled.class, e -> {
                assertThat(e.onTime()).isTrue();
                assertThat(e.deadline()).isEqualTo(SUNDAY_1700);
                assertThat(e.sequence()).isEqualTo(3);
            });
        }

        @Test
        void feedbackAfterTheDeadlineIsLate() {
            Task task = TaskFixture.acceptedTask();

            task.markHandled(HANDLER, "垃圾已清运", null, SUNDAY_1700.plusSeconds(60));

            assertThat(task.handling().handledOnTime()).isFalse();
        }

        @Test
        void reworkReopensWithANewDeadlineAndCountsTheRework() {
            Task task = TaskFixture.handledTask();
            task.drainEvents();

            boolean reopened = task.reopenForRework("rework-event-1", INSPECTOR, "现场仍有垃圾残留", RULES,
                    MONDAY_1000);

            assertThat(reopened).isTrue();
            assertThat(task.status()).isEqualTo(TaskStatus.REWORK);
            assertThat(task.handling().reworkCount()).isEqualTo(1);
            // Mon 10:00 + 7 working hours: 2 h + 3.5 h on Monday, 1.5 h on Tuesday morning.
            assertThat(task.countdown().deadline()).isEqualTo(TUESDAY_1000);
            assertThat(task.handling().handledAt()).isNull();
            assertThat(task.handling().handledOnTime()).isNull();
            assertThat(task.journal().history()).last().satisfies(entry -> {
                assertThat(entry.type()).isEqualTo("rework-dispatched");
                assertThat(entry.fromStatus()).isEqualTo(TaskStatus.HANDLED);
                assertThat(entry.actor()).isEqualTo("inspector-zhang");
                assertThat(entry.reason()).isEqualTo("现场仍有垃圾残留");
            });
            assertThat(task.drainEvents()).singleElement().isInstanceOfSatisfying(TaskEvent.ReworkDispatched.class,
                    e -> {
                        assertThat(e.deadline()).isEqualTo(TUESDAY_1000);
                        assertThat(e.reworkCount()).isEqualTo(1);
                        assertThat(e.by().role()).isEqualTo("system");
                    });
        }

        @Test
        void reworkedTaskIsFedBackWithoutSigningAgainAndJudgedAgainstTheNewDeadline() {
            Task task = TaskFixture.reworkTask();

            task.markHandled(HANDLER, "残留垃圾已清理", null, at(2026, 9, 22, 9, 0));

            assertThat(task.status()).isEqualTo(TaskStatus.HANDLED);
            assertThat(task.handling().handledOnTime()).isTrue();
            assertThat(task.handling().reworkCount()).isEqualTo(1);
        }

        @Test
        void secondReworkCountsAgainAndMovesTheDeadlineAgain() {
            Task task = TaskFixture.reworkTask();
            task.markHandled(HANDLER, "再次处理", null, at(2026, 9, 22, 9, 0));

            task.reopenForRework("rework-event-2", INSPECTOR, "仍不合格", RULES, at(2026, 9, 22, 11, 0));

            assertThat(task.handling().reworkCount()).isEqualTo(2);
            assertThat(task.countdown().deadline()).isEqualTo(at(2026, 9, 23, 11, 0));
        }

        @Test
        void redeliveredReworkRequestIsANoOp() {
            Task task = TaskFixture.reworkTask();
            task.drainEvents();
            var before = task.snapshot();

            boolean reopened = task.reopenForRework("rework-event-1", INSPECTOR, "现场仍有垃圾残留", RULES,
                    TUESDAY_1000);

            assertThat(reopened).isFalse();
            assertThat(task.snapshot()).isEqualTo(before);
            assertThat(task.drainEvents()).isEmpty();
        }
    }

    @Nested
    class ForbiddenTransitions {

        @Test
        void dispatchedTaskCannotBeFedBackOrReopened() {
            assertForbidden(TaskFixture.dispatchedTask(), FEED_BACK, TaskStatus.HANDLED);
            assertForbidden(TaskFixture.dispatchedTask(), REOPEN, TaskStatus.REWORK);
        }

        @Test
        void acceptedTaskCannotBeAcceptedTwiceOrReopened() {
            assertForbidden(TaskFixture.acceptedTask(), ACCEPT, TaskStatus.ACCEPTED);
            assertForbidden(TaskFixture.acceptedTask(), REOPEN, TaskStatus.REWORK);
        }

        @Test
        void handledTaskCannotBeAcceptedOrFedBackAgain() {
            assertForbidden(TaskFixture.handledTask(), ACCEPT, TaskStatus.ACCEPTED);
            assertForbidden(TaskFixture.handledTask(), FEED_BACK, TaskStatus.HANDLED);
        }

        @Test
        void reworkTaskCannotBeAcceptedOrReopenedByAnotherRequest() {
            assertForbidden(TaskFixture.reworkTask(), ACCEPT, TaskStatus.ACCEPTED);
            assertForbidden(TaskFixture.reworkTask(), REOPEN, TaskStatus.REWORK);
        }

        private void assertForbidden(Task task, Consumer<Task> command, TaskStatus target) {
            task.drainEvents();
            var before = task.snapshot();

            assertThatThrownBy(() -> command.accept(task))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                        assertThat(e.from()).isEqualTo(before.status());
                        assertThat(e.to()).isEqualTo(target);
                    })
                    .hasMessageContaining(task.id().value());
            assertThat(task.snapshot()).isEqualTo(before);
            assertThat(task.drainEvents()).isEmpty();
        }
    }

    @Nested
    class Overdue {

        @Test
        void openTaskPastItsDeadlineIsOverdue() {
            Task task = TaskFixture.dispatchedTask();

            assertThat(task.isOverdue(SUNDAY_1700)).isFalse();
            assertThat(task.isOverdue(SUNDAY_1700.plusSeconds(1))).isTrue();
        }

        @Test
        void handledTaskIsNeverOverdue() {
            assertThat(TaskFixture.handledTask().isOverdue(TUESDAY_1000)).isFalse();
        }

        @Test
        void reworkTaskIsOverdueAgainstItsNewDeadline() {
            Task task = TaskFixture.reworkTask();

            assertThat(task.isOverdue(TUESDAY_1000)).isFalse();
            assertThat(task.isOverdue(TUESDAY_1000.plusSeconds(1))).isTrue();
        }
    }

    @Test
    void restoringASnapshotGivesTheSameTask() {
        Task task = TaskFixture.reworkTask();

        assertThat(Task.restore(task.snapshot()).snapshot()).isEqualTo(task.snapshot());
    }
}
