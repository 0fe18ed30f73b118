package io.cityloop.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class RuleViolationExceptionTest {

    @Test
    void namesEveryBrokenRuleAndSummarisesTheFirst() {
        RuleViolationException e = new RuleViolationException(List.of(
                new BrokenRule("photos", "max-count", "at most 6 photos per report"),
                new BrokenRule("location.lon", "inside-city", "must be inside the city")));
        assertThat(e.field()).isEqualTo("photos");
        assertThat(e.rule()).isEqualTo("max-count");
        assertThat(e.getMessage()).isEqualTo("at most 6 photos per report (and 1 more)");
        assertThat(e.broken()).extracting(BrokenRule::field).containsExactly("photos", "location.lon");
    }

    @Test
    void aViolationWithoutABrokenRuleIsAProgrammingError() {
        assertThatThrownBy(() -> new RuleViolationException(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
