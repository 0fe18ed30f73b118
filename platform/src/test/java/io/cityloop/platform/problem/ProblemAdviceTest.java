package io.cityloop.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;

import io.cityloop.reference.BrokenRule;
import io.cityloop.reference.RuleViolationException;

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

    @Test
    void aModelsRefusalIsA400NamingEveryBrokenRule() {
        ResponseEntity<Object> answer = new ProblemAdvice().onRuleViolation(new RuleViolationException(List.of(
                        new BrokenRule("photos", "max-count", "at most 6 photos per report"),
                        new BrokenRule("description", "max-length", "at most 500 characters"))),
                new ServletWebRequest(new MockHttpServletRequest("POST", "/api/cases")));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getType().toString()).isEqualTo("https://cityloop.io/problems/validation");
        assertThat(problem.getDetail())
                .isEqualTo("photos: at most 6 photos per report; description: at most 500 characters");
        assertThat(problem.getProperties().get("errors")).isEqualTo(List.of(
                new FieldProblem("photos", "max-count", "at most 6 photos per report"),
                new FieldProblem("description", "max-length", "at most 500 characters")));
    }

    @Test
    void anUnreachableDatabaseIsAnswered503WithRetryAfterNotA500() {
        ResponseEntity<Object> answer = new ProblemAdvice().onUnexpected(
                new DataAccessResourceFailureException("Timed out while waiting for a server that matches primary"),
                new ServletWebRequest(new MockHttpServletRequest("POST", "/api/cases")));

        assertUnavailable(answer);
    }

    @Test
    void anUnreachableDatabaseBehindAnotherFailureIsStill503() {
        ResponseEntity<Object> answer = new ProblemAdvice().onUnexpected(
                new IllegalStateException("photo not stored", new MongoSocketReadException(
                        "Prematurely reached end of stream", new ServerAddress("localhost", 27017))),
                new ServletWebRequest(new MockHttpServletRequest("POST", "/api/cases/CL20261123000042/photos")));

        assertUnavailable(answer);
    }

    @Test
    void anyOtherFailureIsA500ThatTellsNothing() {
        ResponseEntity<Object> answer = new ProblemAdvice().onUnexpected(new IllegalStateException("secret detail"),
                new ServletWebRequest(new MockHttpServletRequest("GET", "/api/cases")));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNull();
        assertThat(((ProblemDetail) answer.getBody()).getDetail()).doesNotContain("secret");
    }

    private static void assertUnavailable(ResponseEntity<Object> answer) {
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getType().toString()).isEqualTo("https://cityloop.io/problems/unavailable");
        assertThat(problem.getDetail()).doesNotContain("Timed out", "primary", "Prematurely");
    }
}
