package io.cityloop.assessment.close.application;

import java.time.Duration;
import java.time.YearMonth;

/**
 * The facts were still reading case events when a month was to be frozen; freezing then would leave out the cases
 * not yet read. Trying again shortly is the remedy.
 */
public class FactsNotCaughtUpException extends RuntimeException {

    public FactsNotCaughtUpException(YearMonth month, Duration waited) {
        super(month + " is not frozen: the facts are still reading case events (waited " + waited.toSeconds()
                + " s); freeze again in a moment");
    }
}
