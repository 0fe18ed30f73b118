package io.cityloop.assessment.facts.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cityloop.assessment.facts.application.CaseFactsProjection;
import io.cityloop.assessment.facts.application.CaseFactsStore;
import io.cityloop.assessment.facts.application.CaseFactsStore.CaseChange;
import io.cityloop.assessment.facts.application.InMemoryCaseFactsStore;
import io.cityloop.assessment.facts.application.SimulatedMonth;
import io.cityloop.assessment.facts.model.CaseFacts;
import io.cityloop.events.CaseEvent;
import io.cityloop.infra.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The batch path of the facts store, on the embedded MongoDB: a poll's events written together end exactly where
 * the same events applied one by one end, a redelivered batch changes nothing, and a batch that loses a case to
 * another writer between its read and its write still lands every change.
 */
@SpringBootTest
class CaseFactsBatchWriteIntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure infra = TestInfrastructure.shared();
        registry.add("spring.kafka.bootstrap-servers", infra::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> infra.indexedMongoUri("cityloop-assessment-batch-it-"
                + UUID.randomUUID()));
        registry.add("spring.kafka.consumer.group-id", () -> "assessment-batch-it-" + UUID.randomUUID());
        registry.add("spring.kafka.consumer.auto-offset-reset", () -> "latest");
        registry.add("cityloop.assessment.close.auto-freeze", () -> "false");
    }

    @TestConfiguration
    static class FifthOfDecember {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-12-05T02:00:00Z"), SHANGHAI);
        }
    }

    @Autowired
    CaseFactsProjection projection;
    @Autowired
    CaseFactsStore store;

    @Test
    void aBatchEndsWhereTheSameEventsAppliedOneByOneEnd() {
        List<List<CaseEvent>> cases = SimulatedMonth.casesOf("QD-202611-" + UUID.randomUUID());
        // as the topic holds them: the cases' events interleaved, each case's in its own order
        List<CaseEvent> topic = new ArrayList<>();
        int longest = cases.stream().mapToInt(List::size).max().orElseThrow();
        for (int step = 0; step < longest; step++) {
            for (List<CaseEvent> one : cases) {
                if (step < one.size()) {
                    topic.add(one.get(step));
                }
            }
        }
        InMemoryCaseFactsStore oneByOne = new InMemoryCaseFactsStore(SHANGHAI);
        CaseFactsProjection reference = new CaseFactsProjection(oneByOne, new SimpleMeterRegistry());
        topic.forEach(reference::apply);

        int applied = 0;
        for (int from = 0; from < topic.size(); from += 7) {
            // each poll also brings back the one before it, as a redelivery after a rebalance would
            applied += projection.applyAll(topic.subList(Math.max(0, from - 7), Math.min(topic.size(), from + 7)));
        }

        assertThat(applied).as("every event applied once").isEqualTo(topic.size());
        Set<String> caseIds = new LinkedHashSet<>(topic.stream().map(CaseEvent::subject).toList());
        assertThat(caseIds).hasSize(6);
        for (String caseId : caseIds) {
            assertThat(store.find(caseId)).as(caseId).contains(oneByOne.find(caseId).orElseThrow());
        }
        assertThat(projection.applyAll(topic)).as("the whole run redelivered").isZero();
    }

    @Test
    void aBatchThatLosesACaseToAnotherWriterStillLandsEveryChange() {
        String caseId = "QD-202611-" + UUID.randomUUID();
        String other = "QD-202611-" + UUID.randomUUID();
        Instant reportedAt = Instant.parse("2026-11-05T01:00:00Z");
        CaseFacts.Report report = new CaseFacts.Report("INSPECTOR", "inspector-王磊", "610402", "6104020010010001",
                "01-02-01");
        store.update(caseId, facts -> facts.reported("reported-" + caseId, reportedAt, report));

        boolean[] sneaked = {false};
        boolean[] applied = store.updateAll(List.of(
                new CaseChange(other, facts -> facts.reported("reported-" + other, reportedAt, report)),
                new CaseChange(caseId, facts -> {
                    if (!sneaked[0]) {
                        sneaked[0] = true;
                        // another consumer writes this case after the batch read it and before the batch writes
                        store.update(caseId, theirs -> theirs.closed("closed-" + caseId, reportedAt.plusSeconds(7200)));
                    }
                    return facts.noted("noted-" + caseId);
                })));

        assertThat(applied).containsExactly(true, true);
        assertThat(store.find(caseId).orElseThrow().appliedEventIds())
                .containsExactlyInAnyOrder("reported-" + caseId, "closed-" + caseId, "noted-" + caseId);
        assertThat(store.find(caseId).orElseThrow().closedAt()).isEqualTo(reportedAt.plusSeconds(7200));
        assertThat(store.find(other).orElseThrow().appliedEventIds()).containsExactly("reported-" + other);
    }
}
