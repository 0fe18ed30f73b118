package io.cityloop.assessment.scorecard.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A ratio of two counts as the scorecard prints it: 4 decimals, half up, {@code null} when nothing to divide by. */
public final class Rate {

    public static final int SCALE = 4;

    private Rate() {
    }

    public static Double of(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator)
                .divide(BigDecimal.valueOf(denominator), SCALE, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
