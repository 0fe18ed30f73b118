package io.cityloop.platform;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;

import io.cityloop.events.CaseEventCodec;
import io.cityloop.platform.health.MongoPingHealthIndicator;
import io.cityloop.platform.http.EdgeClientFilter;
import io.cityloop.platform.http.RequestBodyLimitFilter;
import io.cityloop.platform.messaging.EventAudit;
import io.cityloop.platform.security.TokenClaims;
import io.cityloop.platform.messaging.DeadLetters;
import io.cityloop.platform.outbox.OutboxCollection;
import io.cityloop.platform.outbox.OutboxRelay;
import io.cityloop.platform.persistence.CollectionIndexes;
import io.cityloop.platform.persistence.MongoTimeouts;
import io.cityloop.platform.persistence.VersionedUpdateIndexes;
import io.cityloop.platform.problem.ProblemAdvice;
import io.cityloop.platform.problem.ProblemSecurityHandlers;
import io.cityloop.platform.security.SecurityConfiguration;
import io.cityloop.platform.time.BusinessClockController;
import io.cityloop.platform.time.ClockSettings;
import io.cityloop.reference.CityReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.json.JsonMapper;

/** What every CityLoop servlet service gets by depending on the platform module. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@EnableConfigurationProperties(PlatformProperties.class)
@Import({SecurityConfiguration.class, ProblemAdvice.class, BusinessClockController.class})
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(PlatformProperties properties) {
        ClockSettings settings = properties.clock() == null ? new ClockSettings(null, null, null, null)
                : properties.clock();
        return settings.clock(ZoneId.of(properties.timeZone()), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    CityReference cityReference() {
        return CityReference.load();
    }

    @Bean
    @ConditionalOnMissingBean
    CaseEventCodec caseEventCodec() {
        return new CaseEventCodec();
    }

    @Bean
    MongoTimeouts mongoTimeouts(PlatformProperties properties) {
        return new MongoTimeouts(properties.mongo());
    }

    /** Runs once every bean exists and before the listeners, the web server and the workers start. */
    @Bean
    SmartInitializingSingleton collectionIndexSetUp(MongoTemplate mongo, ObjectProvider<CollectionIndexes> declared) {
        return () -> declared.orderedStream().forEach(indexes -> indexes.createIn(mongo));
    }

    @Bean
    @ConditionalOnProperty(name = "cityloop.mongo.versioned-update-index", havingValue = "true")
    VersionedUpdateIndexes versionedUpdateIndexes(MongoTemplate mongo) {
        return new VersionedUpdateIndexes(mongo);
    }

    @Bean
    ProblemSecurityHandlers problemSecurityHandlers(ObjectProvider<JsonMapper> mapper) {
        return new ProblemSecurityHandlers(mapper.getIfAvailable(() -> JsonMapper.builder().build()));
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler caseEventErrorHandler(KafkaTemplate<String, String> template, PlatformProperties properties,
                                             ObjectProvider<MeterRegistry> meters,
                                             @Value("${spring.application.name:unknown}") String service) {
        return DeadLetters.errorHandler(template, properties.consumer(),
                meters.getIfAvailable(SimpleMeterRegistry::new), service);
    }

    @Bean
    @ConditionalOnMissingBean
    EventAudit eventAudit(CaseEventCodec codec, ObjectProvider<MeterRegistry> meters,
                          @Value("${spring.application.name:unknown}") String service) {
        return new EventAudit(codec, meters.getIfAvailable(SimpleMeterRegistry::new), service);
    }

    /** Picked up by Spring Boot's JWT decoder beside its own signature and lifetime checks. */
    @Bean
    OAuth2TokenValidator<Jwt> cityLoopTokenClaims(PlatformProperties properties) {
        return TokenClaims.validator(properties.auth().issuer(), properties.auth().audience());
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(PlatformProperties properties) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(properties.http().maxBody().toBytes(),
                        properties.http().maxMultipartBody().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EdgeClientFilter> edgeClientFilter(PlatformProperties properties) {
        FilterRegistrationBean<EdgeClientFilter> registration = new FilterRegistrationBean<>(
                new EdgeClientFilter(properties.edge().secret()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka,
                            List<OutboxCollection> collections, PlatformProperties properties,
                            ObjectProvider<MeterRegistry> meters) {
        OutboxRelay relay = new OutboxRelay(mongo, kafka, collections, properties.outbox().sweepInterval(),
                properties.outbox().sendTimeout());
        meters.ifAvailable(registry -> Gauge.builder("cityloop_outbox_backlog", relay, OutboxRelay::backlog)
                .description("documents holding events not yet published")
                .register(registry));
        return relay;
    }

    @Bean(name = "mongoPingHealthIndicator")
    MongoPingHealthIndicator mongoPing(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }
}
