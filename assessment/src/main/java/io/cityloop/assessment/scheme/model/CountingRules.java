package io.cityloop.assessment.scheme.model;

/**
 * The counting rules (计数规则) a scheme declares. The rules that changed with scheme 2026.2 are flags that default to
 * the earlier behaviour, so a scheme file that does not name them — and every month frozen with such a scheme —
 * keeps counting as it was computed.
 *
 * @param unjustifiedReturnCountsAsDispatched whether a task returned without a routing error still counts in the
 *                                            unit's 应处置数 (as neither handled nor on time)
 * @param operatorLimitMinutes                working minutes an operator has to file or reject a report (按时受理)
 * @param dispatcherLimitMinutes              working minutes a dispatcher has to dispatch a filed case (按时派遣)
 * @param reworkCountsTasks                   返工数 counts handled tasks reworked at least once (so 返工数 ≤ 处置数);
 *                                            {@code false}: every failed check (返工次数), the 2026.1 rule
 * @param missedOwnAreaConfirmedFirst         漏报 is a confirmed (filed, not cancelled, not a duplicate) problem in
 *                                            the inspector's own area first reported by another source; {@code false}:
 *                                            any valid report from another source in a covered district (2026.1)
 * @param mergeCountsAsDecision               a merge (合并) is one of the operator's 受理 decisions, beside FILE and
 *                                            REJECT
 * @param carryOverdueBacklog                 a task open and overdue at a month's start, its deadline in an earlier
 *                                            month, counts again in every month until it is handled (结转超期)
 * @param incidenceRoundedOnce                the normalised 问题发生率 is computed from unrounded incidences and
 *                                            rounded once; {@code false}: from incidences rounded to 4 decimals
 * @param shiftLeadLimitMinutes               working minutes a shift lead has to file a report (按时立案); 0 means
 *                                            the operator limit
 * @param deadlineReachedIsOverdue            (2026.3) a task whose allowance ran out exactly — its deadline at the
 *                                            end of office hours, the working clock stopped there — is overdue once
 *                                            the deadline instant has passed, as dispatch shows it: open at the
 *                                            cut-off it is 超期未处置, handled at 19:00 against 18:00 it is late;
 *                                            {@code false}: such a task counts as still in time (2026.1, 2026.2)
 */
public record CountingRules(boolean unjustifiedReturnCountsAsDispatched, int operatorLimitMinutes,
                            int dispatcherLimitMinutes, Boolean reworkCountsTasks,
                            Boolean missedOwnAreaConfirmedFirst, Boolean mergeCountsAsDecision,
                            Boolean carryOverdueBacklog, Boolean incidenceRoundedOnce, Integer shiftLeadLimitMinutes,
                            Boolean deadlineReachedIsOverdue) {

    /** The flags added with 2026.2 may be absent from a scheme file: absent means the earlier rule. */
    public CountingRules {
        reworkCountsTasks = Boolean.TRUE.equals(reworkCountsTasks);
        missedOwnAreaConfirmedFirst = Boolean.TRUE.equals(missedOwnAreaConfirmedFirst);
        mergeCountsAsDecision = Boolean.TRUE.equals(mergeCountsAsDecision);
        carryOverdueBacklog = Boolean.TRUE.equals(carryOverdueBacklog);
        incidenceRoundedOnce = Boolean.TRUE.equals(incidenceRoundedOnce);
        shiftLeadLimitMinutes = shiftLeadLimitMinutes == null ? 0 : shiftLeadLimitMinutes;
        deadlineReachedIsOverdue = Boolean.TRUE.equals(deadlineReachedIsOverdue);
    }

    public static final CountingRules DEFAULT = new CountingRules(false, 30, 30);

    /** The 2026.1 rules with their three settings. */
    public CountingRules(boolean unjustifiedReturnCountsAsDispatched, int operatorLimitMinutes,
                         int dispatcherLimitMinutes) {
        this(unjustifiedReturnCountsAsDispatched, operatorLimitMinutes, dispatcherLimitMinutes, false, false, false,
                false, false, 0, false);
    }

    /** 按时立案 limit of a shift lead, in working minutes. */
    public int shiftLeadLimit() {
        return shiftLeadLimitMinutes > 0 ? shiftLeadLimitMinutes : operatorLimitMinutes;
    }
}
