package io.cityloop.dispatch.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import io.cityloop.dispatch.CaseEventTap;
import io.cityloop.dispatch.DispatchApplication;
import io.cityloop.dispatch.MutableClock;
import io.cityloop.dispatch.task.adapters.messaging.InboundCaseEvents;
import io.cityloop.dispatch.task.application.DeadlineWatch;
import io.cityloop.dispatch.task.application.TaskDispatching;
import io.cityloop.dispatch.task.model.TaskId;
import io.cityloop.events.Actor;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventTopics;
import io.cityloop.events.CaseEventType;
import io.cityloop.events.CaseFiled;
import io.cityloop.events.Producers;
import io.cityloop.infra.TestInfrastructure;

/**
 * Two dispatch replicas in one JVM on the same MongoDB database and Kafka topic, both deadline watches running on
 * a short interval and swept by hand at the same time besides: every warning and every overdue signal of every
 * task is one event.
 */
class TwoReplicasIntegrationTest {

    private static final MutableClock CLOCK = new MutableClock(MutableClock.shanghai(2026, 9, 18, 17, 0));
    private static final String DATABASE = "cityloop-dispatch-replicas-" + UUID.randomUUID().toString().substring(0, 8);
    private static final int TASKS = 12;

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    /** Both replicas read the same clock, as two processes read the same wall clock. */
    @Configuration(proxyBeanMethods = false)
    static class SharedClock {

        @Bean
        @Primary
        MutableClock replicaClock() {
            return CLOCK;
        }
    }

    @BeforeAll
    static void startTwoReplicas() {
        first = replica();
        second = replica();
    }

    @AfterAll
    static void stopReplicas() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    private static ConfigurableApplicationContext replica() {
        TestInfrastructure infra = TestInfrastructure.shared();
        return new SpringApplicationBuilder(DispatchApplication.class, SharedClock.class)
                .run("--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + infra.bootstrapServers(),
                        "--spring.mongodb.uri=" + infra.indexedMongoUri(DATABASE),
                        "--spring.kafka.consumer.group-id=dispatch-replicas-" + DATABASE,
                        // The replicas here only watch and relay; filings are dispatched by hand below.
                        "--spring.kafka.listener.auto-startup=false",
                        "--cityloop.dispatch.deadlines.watch-enabled=true",
                        "--cityloop.dispatch.deadlines.watch-interval=100ms",
                        "--spring.jmx.enabled=false");
    }

    @Test
    void warningsAndOverdueSignalsAreNotDoubledByTwoWatchingReplicas() throws Exception {
        List<String> caseIds = new ArrayList<>();
        TaskDispatching dispatching = first.getBean(TaskDispatching.class);
        for (int i = 0; i < TASKS; i++) {
            String caseId = "RP-202609-" + UUID.randomUUID().toString().substring(0, 8);
            caseIds.add(caseId);
            dispatching.onFiled(InboundCaseEvents.filing(CaseEvent.of(Producers.CASE_INTAKE, caseId, 2, CLOCK.instant(),
                    new CaseFiled(caseId, "02-01-01", "610402", "6104020010010001", "符合立案标准",
                            new Actor("operator-li", "operator")))));
        }

        CLOCK.set(MutableClock.shanghai(2026, 9, 20, 17, 30));
        sweepTogether(first.getBean(DeadlineWatch.class), second.getBean(DeadlineWatch.class));

        MongoTemplate mongo = first.getBean(MongoTemplate.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(Query.query(Criteria.where("warned").is(true)
                .and("overdue").is(true)), "tasks") == TASKS);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(Query.query(Criteria.where("outbox.0")
                .exists(true)), "tasks") == 0);

        try (CaseEventTap tap = new CaseEventTap(TestInfrastructure.shared().bootstrapServers(),
                CaseEventTopics.CASE_EVENTS)) {
            for (String caseId : caseIds) {
                await().atMost(Duration.ofSeconds(30)).until(() -> !ids(tap, caseId, CaseEventType.OVERDUE).isEmpty());
                assertThat(ids(tap, caseId, CaseEventType.DEADLINE_WARNING)).as("warnings of %s", caseId)
                        .hasSize(1);
                assertThat(ids(tap, caseId, CaseEventType.OVERDUE)).as("overdue signals of %s", caseId).hasSize(1);
                assertThat(ids(tap, caseId, CaseEventType.DISPATCHED)).hasSize(1);
            }
        }
        org.bson.Document stored = mongo.findById(TaskId.firstOf(caseIds.get(0)).value(), org.bson.Document.class,
                "tasks");
        assertThat(stored.getList("history", Object.class)).hasSize(3);
    }

    /** Both replicas sweep at the same moment, several times, on top of their scheduled sweeps. */
    private static void sweepTogether(DeadlineWatch a, DeadlineWatch b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                Future<Integer> left = pool.submit(a::sweep);
                Future<Integer> right = pool.submit(b::sweep);
                left.get();
                right.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Distinct event ids of one type for a case: a relay may re-send a record, never mint a second event. */
    private static List<String> ids(CaseEventTap tap, String caseId, CaseEventType type) {
        return tap.eventsOf(caseId).stream().filter(e -> e.type() == type).map(CaseEvent::id).distinct().toList();
    }
}
