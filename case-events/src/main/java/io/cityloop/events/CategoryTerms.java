package io.cityloop.events;

/**
 * A category as the catalog version a case was reported under defines it (目录版本的类别条款), resolved by the
 * supervision center, which owns the catalog, and carried on {@code filed} so that the command center routes and
 * sets the deadline by the same terms — an admin's edit of a handling limit or default unit, or a newly added code,
 * reaches every task filed after it.
 *
 * @param kind          {@code COMPONENT} (部件) or {@code EVENT} (事件)
 * @param urgency       {@code URGENT}, {@code QUICK}, {@code ORDINARY} or {@code COMPLEX}
 * @param handlingLimit 办理时限, laid onto the working calendar by dispatch
 * @param defaultUnit   a department id ({@code dept-16}) or {@code DISTRICT} for the district where the problem is
 */
public record CategoryTerms(
        String code,
        String name,
        String kind,
        String urgency,
        TimeLimit handlingLimit,
        double verificationLimitHours,
        String defaultUnit,
        String catalogVersion) {
}
