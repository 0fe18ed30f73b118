package io.cityloop.intake.casefile.model;

/**
 * The catalog category a case was reported under, with the catalog version in force at the time and the category's
 * urgency (紧急/较急/一般/疑难: URGENT, QUICK, ORDINARY, COMPLEX) that orders the filing queue.
 */
public record CaseCategory(String code, String name, String catalogVersion, String urgency) {

    /** 0 for the most urgent; unknown urgencies sort last. */
    public int priority() {
        if (urgency == null) {
            return 9;
        }
        return switch (urgency) {
            case "URGENT" -> 0;
            case "QUICK" -> 1;
            case "ORDINARY" -> 2;
            case "COMPLEX" -> 3;
            default -> 9;
        };
    }
}
