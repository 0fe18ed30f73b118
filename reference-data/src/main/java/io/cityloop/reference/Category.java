package io.cityloop.reference;

/**
 * A minor category of the catalog (管理部件和事件), coded type-major-minor, e.g. {@code 02-01-01} 暴露垃圾.
 *
 * @param defaultUnit a department id ({@code dept-16}) or {@link #DISTRICT_UNIT} when the district where the
 *                    problem occurs handles it
 */
public record Category(
        String code,
        String name,
        CategoryKind kind,
        String majorName,
        Urgency urgency,
        TimeLimitSpec handlingLimit,
        double verificationLimitHours,
        String defaultUnit,
        String filingCriterion,
        String closingCriterion) {

    public static final String DISTRICT_UNIT = "DISTRICT";

    public boolean handledByDistrict() {
        return DISTRICT_UNIT.equals(defaultUnit);
    }

    public TimeLimitSpec verificationLimit() {
        return TimeLimitSpec.workingHours(verificationLimitHours);
    }
}
