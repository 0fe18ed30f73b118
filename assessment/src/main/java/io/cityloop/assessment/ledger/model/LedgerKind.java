package io.cityloop.assessment.ledger.model;

/** Whose clock a stretch of working time runs on (时钟台账). */
public enum LedgerKind {
    /** 处置时间: the handling unit of a given dispatch (and rework phase) holds the case. */
    UNIT_HANDLING("单位处置"),
    /** Back with the dispatcher (派遣员) after a return or a failed check, until the next dispatch. */
    WITH_DISPATCHER("退回派遣"),
    /** 挂账/缓办: approved suspension, the clock stops for everyone. */
    SUSPENDED("挂账暂停"),
    /** Handled; waiting for the on-site check (核查) and the close. */
    AWAITING_VERIFICATION("待核查结案");

    private final String label;

    LedgerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
