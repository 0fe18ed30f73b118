package io.cityloop.notification.inbox.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class NotificationMessagesTest {

    private final NotificationMessages messages = new NotificationMessages(ZoneId.of("Asia/Shanghai"));

    @Test
    void dispatchNamesCaseCategoryUnitAndLocalDeadline() {
        Notification notification = messages.compose(notice(NotificationKind.DISPATCHED, "01-01-01", "上水井盖", 0));

        assertThat(notification.id()).isEqualTo("evt-1");
        assertThat(notification.title()).isEqualTo("新派遣任务");
        assertThat(notification.message())
                .isEqualTo("案件 QD-20261110-0002（01-01-01 上水井盖）已派遣至市水务集团，请于 2026-11-13 09:30 前处置完毕。");
        assertThat(notification.createdAt()).isEqualTo(Instant.parse("2026-11-10T01:30:00Z"));
        assertThat(notification.isRead()).isFalse();
    }

    @Test
    void deadlineIsShownInShanghaiTimeEvenAcrossMidnightUtc() {
        TaskNotice notice = new TaskNotice("evt-1", NotificationKind.DISPATCHED, "QD-1", "QD-1-T1", "dept-16",
                "市水务集团", "01-01-01", "上水井盖", Instant.parse("2026-11-30T16:10:00Z"),
                Instant.parse("2026-11-30T08:00:00Z"), 0);

        assertThat(messages.compose(notice).message()).contains("请于 2026-12-01 00:10 前");
    }

    @Test
    void reworkSaysWhichReworkItIs() {
        Notification notification = messages.compose(notice(NotificationKind.REWORK, "01-01-01", "上水井盖", 2));

        assertThat(notification.title()).isEqualTo("返工任务");
        assertThat(notification.message()).isEqualTo(
                "案件 QD-20261110-0002（01-01-01 上水井盖）核查未通过，已退回市水务集团返工（第 2 次），请于 2026-11-13 09:30 前重新处置。");
    }

    @Test
    void unknownCategoryIsLeftOut() {
        Notification notification = messages.compose(notice(NotificationKind.REWORK, null, null, 1));

        assertThat(notification.message()).startsWith("案件 QD-20261110-0002核查未通过");
    }

    @Test
    void markingReadTwiceKeepsTheFirstTime() {
        Notification read = messages.compose(notice(NotificationKind.DISPATCHED, "01-01-01", "上水井盖", 0))
                .markedRead(Instant.parse("2026-11-10T02:00:00Z"));

        assertThat(read.markedRead(Instant.parse("2026-11-10T03:00:00Z"))).isSameAs(read);
        assertThat(read.readAt()).isEqualTo(Instant.parse("2026-11-10T02:00:00Z"));
        assertThat(read.isFor("dept-16")).isTrue();
        assertThat(read.isFor("dept-01")).isFalse();
    }

    private static TaskNotice notice(NotificationKind kind, String categoryCode, String categoryName, int rework) {
        return new TaskNotice("evt-1", kind, "QD-20261110-0002", "QD-20261110-0002-T1", "dept-16", "市水务集团",
                categoryCode, categoryName, Instant.parse("2026-11-13T01:30:00Z"),
                Instant.parse("2026-11-10T01:30:00Z"), rework);
    }
}
