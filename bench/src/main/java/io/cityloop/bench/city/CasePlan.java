package io.cityloop.bench.city;

import java.time.Duration;

/**
 * What the simulation intends for one report, decided when it is generated so that a run is reproducible: whether
 * the operator rejects it (不予立案), whether the first on-site check fails (核实不通过 → 返工), and where in its
 * handling limit the department feeds back (a share after the deadline, 超期); whether it is a second report of an
 * open case (重复上报) that the operator merges into it (合并); whether the unit returns its first task as not its
 * responsibility (退回) and the command center sends the case on; whether the unit asks for more time (延期) and
 * what the command center decides; and how long after the verification request the inspector is on site (核实).
 *
 * @param handlingFraction the share of the time to the deadline the department takes; above 1 is late
 * @param duplicateOf      the sequence of the report this one duplicates, 0 when it is a report of its own
 * @param taskReturn       the unit's return of the first task, null when it takes the task
 * @param extension        the unit's extension request, null when it asks for none
 * @param onSiteDelay      business time from the verification request to the inspector's verdict on site
 */
public record CasePlan(long sequence, boolean rejected, boolean failsFirstVerification, double handlingFraction,
                       long duplicateOf, TaskReturn taskReturn, Extension extension, Duration onSiteDelay) {

    /** The on-site delay of a plan made without one: a quarter of an hour, well inside the 1-hour check limit. */
    public static final Duration USUAL_ON_SITE_DELAY = Duration.ofMinutes(15);

    public static final String CLOSED = "CLOSED";

    /** A report of its own that is filed or rejected, with the usual on-site delay and no return or extension. */
    public CasePlan(long sequence, boolean rejected, boolean failsFirstVerification, double handlingFraction) {
        this(sequence, rejected, failsFirstVerification, handlingFraction, 0, null, null, USUAL_ON_SITE_DELAY);
    }

    /**
     * 退回: the unit says the first task is not its responsibility.
     *
     * @param justified whether the command center judges it a routing error (合理回退, not counted against the unit)
     */
    public record TaskReturn(boolean justified) {
    }

    /** 延期: the unit asks for this much more working time once it has accepted; the command center decides. */
    public record Extension(double workingHours, boolean approved) {
    }

    /** A second report of the case reported as {@code master}: merged, so it never reaches dispatch. */
    public static CasePlan duplicate(long sequence, long master, Duration onSiteDelay) {
        return new CasePlan(sequence, false, false, 0.5, master, null, null, onSiteDelay);
    }

    public boolean duplicate() {
        return duplicateOf > 0;
    }

    public boolean returnsFirstTask() {
        return taskReturn != null;
    }

    /** The status the case must end in: 不予立案, 已合并 (the duplicate; its master closes) or 结案. */
    public String expectedFinalStatus() {
        if (rejected) {
            return "REJECTED";
        }
        return duplicate() ? "MERGED" : CLOSED;
    }

    public boolean late() {
        return handlingFraction > 1;
    }
}
