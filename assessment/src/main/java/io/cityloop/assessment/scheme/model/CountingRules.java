package io.cityloop.assessment.scheme.model;

/**
 * The counting rules (计数规则) a scheme declares.
 *
 * @param unjustifiedReturnCountsAsDispatched whether a task returned without a routing error still counts in the
 *                                            unit's 应处置数 (as neither handled nor on time)
 * @param operatorLimitMinutes                working minutes an operator has to file or reject a report (按时受理)
 * @param dispatcherLimitMinutes              working minutes a dispatcher has to dispatch a filed case (按时派遣)
 */
public record CountingRules(boolean unjustifiedReturnCountsAsDispatched, int operatorLimitMinutes,
                            int dispatcherLimitMinutes) {

    public static final CountingRules DEFAULT = new CountingRules(false, 30, 30);
}
