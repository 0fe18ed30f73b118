package io.cityloop.notification.inbox.model;

/** Why a unit is told: a new task, or a task sent back after a failed verification. */
public enum NotificationKind {

    /** 新派遣任务: the command center dispatched a task to the unit. */
    DISPATCHED("新派遣任务"),

    /** 返工任务: the on-site check failed and the task was reopened with a new deadline. */
    REWORK("返工任务");

    private final String title;

    NotificationKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
