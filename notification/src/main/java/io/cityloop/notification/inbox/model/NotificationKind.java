package io.cityloop.notification.inbox.model;

/** Why a unit is told: a new task, a task sent back after a failed verification, or the deadline watch. */
public enum NotificationKind {

    /** 新派遣任务: the command center dispatched a task to the unit. */
    DISPATCHED("新派遣任务"),

    /** 返工任务: the on-site check failed and the task was reopened with a new deadline. */
    REWORK("返工任务"),

    /** 黄灯预警: most of the time limit is used. */
    DEADLINE_WARNING("即将超期"),

    /** 红灯: the deadline passed without feedback. */
    OVERDUE("已超期"),

    /** 督办: the task was escalated. */
    ESCALATED("督办通知");

    private final String title;

    NotificationKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
