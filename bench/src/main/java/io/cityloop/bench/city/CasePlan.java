package io.cityloop.bench.city;

/**
 * What the simulation intends for one report, decided when it is generated so that a run is reproducible: whether
 * the operator rejects it (不予立案), whether the first on-site check fails (核实不通过 → 返工), and where in its
 * handling limit the department feeds back (a share after the deadline, 超期).
 *
 * @param handlingFraction the share of the time to the deadline the department takes; above 1 is late
 */
public record CasePlan(long sequence, boolean rejected, boolean failsFirstVerification, double handlingFraction) {

    /** The status the case must end in: 不予立案 or 结案. */
    public String expectedFinalStatus() {
        return rejected ? "REJECTED" : "CLOSED";
    }

    public boolean late() {
        return handlingFraction > 1;
    }
}
