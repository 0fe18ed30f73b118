package io.cityloop.platform;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
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
import io.cityloop.platform.messaging.DeadLetters;
import io.cityloop.platform.outbox.OutboxCollection;
import io.cityloop.platform.outbox.OutboxRelay;
import io.cityloop.platform.persistence.MongoTimeouts;
import io.cityloop.platform.persistence.VersionedUpdateIndexes;
import io.cityloop.platform.problem.ProblemAdvice;
import io.cityloop.platform.problem.ProblemSecurityHandlers;
import io.cityloop.platform.security.SecurityConfiguration;
import io.cityloop.platform.time.ClockSettings;
import io.cityloop.reference.CityReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/** What every CityLoop servlet service gets by depending on the platform module. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@EnableConfigurationProperties(PlatformProperties.class)
@Import({SecurityConfiguration.class, ProblemAdvice.class})
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
    CommonErrorHandler caseEventErrorHandler(KafkaTemplate<String, String> template, PlatformProperties properties) {
        return DeadLetters.errorHandler(template, properties.consumer());
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
