package io.cityloop.notification.inbox.model;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Writes the Chinese text a handler reads: which case, which category, which unit, and the deadline in the city's
 * local time (a handler in 秦都区 must not convert from UTC).
 */
public final class NotificationMessages {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    public NotificationMessages(ZoneId zone) {
        this.zone = zone;
    }

    public Notification compose(TaskNotice notice) {
        return new Notification(notice.noticeId(), notice.unitId(), notice.caseId(), notice.taskId(),
                notice.categoryCode(), notice.kind(), notice.kind().title(), message(notice), notice.at(), null);
    }

    String message(TaskNotice notice) {
        String deadline = notice.deadline() == null ? "尽快" : "请于 " + LOCAL_TIME.format(notice.deadline().atZone(zone))
                + " 前";
        String theCase = "案件 " + notice.caseId() + category(notice);
        return switch (notice.kind()) {
            case DISPATCHED -> theCase + "已派遣至" + notice.unitName() + "，" + deadline + "处置完毕。";
            case REWORK -> theCase + "核查未通过，已退回" + notice.unitName() + "返工（第 " + notice.round()
                    + " 次），" + deadline + "重新处置。";
            case DEADLINE_WARNING -> theCase + "即将超期（黄灯），" + deadline + "反馈处置结果。";
            case OVERDUE -> theCase + "已超过处置时限（红灯），请立即处置并反馈。";
            case ESCALATED -> theCase + "超期未处置，已被督办（第 " + notice.round() + " 级），请立即处置并反馈。";
        };
    }

    private static String category(TaskNotice notice) {
        if (notice.categoryCode() == null) {
            return "";
        }
        String name = notice.categoryName() == null ? "" : " " + notice.categoryName();
        return "（" + notice.categoryCode() + name + "）";
    }
}
