package io.cityloop.assessment.facts.model;

/**
 * What happened to a task (任务) at one instant. The order of the constants breaks ties between steps with the same
 * business time: a dispatch precedes its acceptance, a handling precedes its verification.
 */
public enum StepKind {
    /** 派遣: {@code deadline} and {@code actor} (the dispatcher) are set. */
    DISPATCHED,
    /** 签收. */
    ACCEPTED,
    /** 延期申请: {@code deadline} is the requested one. */
    EXTENSION_REQUESTED,
    /** 延期审批: {@code flag} = approved, {@code deadline} = the new deadline when approved. */
    EXTENSION_DECIDED,
    /** 挂账/缓办: the clock stops. */
    SUSPENDED,
    /** The clock runs again; {@code deadline} is the old one moved by the suspended working time. */
    RESUMED,
    /** The deadline moved without a decision on the task (e.g. a working-calendar edit); {@code deadline} = new. */
    DEADLINE_MOVED,
    /** 黄灯. */
    WARNED,
    /** 红灯, as the command center flagged it (informational: assessment decides overdue from its ledger). */
    OVERDUE_FLAGGED,
    /** 督办: {@code level}. */
    ESCALATED,
    /** 回退: the unit sends the task back; this task ends, a re-dispatch is a new task. */
    RETURNED,
    /** The dispatcher's judgement of a return: {@code flag} = justified (a routing error). */
    RETURN_REVIEWED,
    /** 处理反馈: {@code flag} = on time as the command center saw it, {@code deadline} = the one it compared with. */
    HANDLED,
    /** 核查 requested: {@code actor} = the inspector, {@code deadline} = due by. */
    VERIFICATION_REQUESTED,
    /** The on-site check passed; {@code actor} = the inspector. */
    VERIFIED,
    /** 返工: the check failed; {@code actor} = the inspector. */
    REWORK_REQUIRED,
    /** The task is reopened for rework with a new {@code deadline}. */
    REWORK_DISPATCHED;

    /** Whether this step decides the task's deadline (dispatch, rework, approved extension, resumption). */
    public boolean decidesDeadline(TaskStep step) {
        return switch (this) {
            case DISPATCHED, REWORK_DISPATCHED, RESUMED, DEADLINE_MOVED -> step.deadline() != null;
            case EXTENSION_DECIDED -> step.flag() && step.deadline() != null;
            default -> false;
        };
    }
}
