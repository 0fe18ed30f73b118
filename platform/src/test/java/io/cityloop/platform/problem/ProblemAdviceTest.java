package io.cityloop.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemAdviceTest {

    @Test
    void namesConstraintRulesInKebabCase() {
        assertThat(ProblemAdvice.ruleOf("NotBlank")).isEqualTo("not-blank");
        assertThat(ProblemAdvice.ruleOf("Size")).isEqualTo("size");
        assertThat(ProblemAdvice.ruleOf("DecimalMin")).isEqualTo("decimal-min");
        assertThat(ProblemAdvice.ruleOf(null)).isEqualTo("invalid");
    }

    @Test
    void validationProblemSummarisesEveryField() {
        ProblemException problem = Problems.validation("location.lon", "inside-city", "must be inside the city");

        assertThat(problem.status().value()).isEqualTo(400);
        assertThat(problem.getMessage()).isEqualTo("location.lon: must be inside the city");
        assertThat(Problems.type(problem.slug()).toString()).isEqualTo("https://cityloop.io/problems/validation");
    }
}
