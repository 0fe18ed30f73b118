package io.cityloop.intake;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.List;
import java.util.UUID;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cityloop.infra.TestInfrastructure;
import io.cityloop.platform.security.RoleAuthorities;

/** One Spring context for every integration test of case-intake, on the shared embedded Kafka and MongoDB. */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class IntakeIntegrationTestSupport {

    /** A fresh consumer group per run, so this run's listener reads the topic from the beginning. */
    public static final String GROUP = "case-intake-it-" + UUID.randomUUID();
    /**
     * 兴平市西城街道's inspector area gets its own inspector in the tests, so a check that reaches them went through
     * cell → area → inspector and not the district fallback (which is the demo's "inspector" everywhere).
     */
    public static final String XINGPING_WEST_AREA = "IA610481002";
    public static final String XINGPING_INSPECTOR = "inspector-xingping";
    /** Reports of this source go to 核实 as they arrive in the tests (no other test reports from it). */
    public static final String AUTO_CONFIRMED_SOURCE = "VIDEO_AI";
    /** What the gateway sends in X-CityLoop-Edge; only with it is X-CityLoop-Client believed. */
    public static final String EDGE_SECRET = "edge-secret-of-the-tests";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure infra = TestInfrastructure.shared();
        registry.add("spring.kafka.bootstrap-servers", infra::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> infra.indexedMongoUri("cityloop-intake-it"));
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
        registry.add("cityloop.intake.inspector-areas[" + XINGPING_WEST_AREA + "]", () -> XINGPING_INSPECTOR);
        registry.add("cityloop.edge.secret", () -> EDGE_SECRET);
        registry.add("cityloop.intake.confirmation.automatic[0].sources", () -> AUTO_CONFIRMED_SOURCE);
    }

    protected static JwtRequestPostProcessor as(String username, String... roles) {
        return jwt().jwt(token -> token.subject(username).claim("roles", List.of(roles)))
                .authorities(new RoleAuthorities());
    }

    protected static JwtRequestPostProcessor unit(String unitId) {
        return jwt().jwt(token -> token.subject(unitId).claim("roles", List.of("department")).claim("unit", unitId))
                .authorities(new RoleAuthorities());
    }
}
