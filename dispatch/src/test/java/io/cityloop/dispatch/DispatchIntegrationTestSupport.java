package io.cityloop.dispatch;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cityloop.infra.TestInfrastructure;

/**
 * One Spring context for every integration test of the service (same annotations, so it is cached), on the shared
 * embedded Kafka and MongoDB, with a clock the tests set.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
public abstract class DispatchIntegrationTestSupport {

    /** Friday 2026-09-18 17:00 in Xianyang: one working hour is left before the weekend. */
    public static final Instant FRIDAY_1700 = MutableClock.shanghai(2026, 9, 18, 17, 0);

    /** A fresh group per run: this run's listener reads only what it should, from the beginning. */
    public static final String GROUP = "dispatch-it-" + UUID.randomUUID();

    @Autowired
    protected MutableClock clock;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure infra = TestInfrastructure.shared();
        registry.add("spring.kafka.bootstrap-servers", infra::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> infra.indexedMongoUri("cityloop-dispatch-it"));
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
        // Tests sweep the deadline watch by hand, so a background sweep never adds to a task under test.
        registry.add("cityloop.dispatch.deadlines.watch-enabled", () -> "false");
    }

    @BeforeEach
    void startOnFridayAfternoon() {
        clock.set(FRIDAY_1700);
    }

    protected static String newCaseId(String prefix) {
        return prefix + "-202609-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
