package io.cityloop.intake.casefile.application;

/** The reporter already submitted a report with this idempotency key (a retry, or a race with one). */
public class DuplicateReportException extends RuntimeException {

    public DuplicateReportException(String reporterId, String key) {
        super("report " + key + " of " + reporterId + " exists");
    }
}
