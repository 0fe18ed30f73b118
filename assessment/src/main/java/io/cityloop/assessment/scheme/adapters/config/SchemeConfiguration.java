package io.cityloop.assessment.scheme.adapters.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import io.cityloop.assessment.scheme.model.SchemeBook;
import io.cityloop.assessment.scheme.model.ScoringScheme;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Loads and validates the scoring schemes at start-up: a broken scheme stops the service, not a month's close. */
@Configuration
@EnableConfigurationProperties(SchemeProperties.class)
class SchemeConfiguration {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Bean
    SchemeBook schemeBook(SchemeProperties properties) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<ScoringScheme> schemes = new ArrayList<>();
        for (String location : properties.locations()) {
            try {
                for (Resource resource : resolver.getResources(location)) {
                    schemes.add(read(resource));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list scoring schemes at " + location, e);
            }
        }
        return new SchemeBook(schemes, properties.selections());
    }

    static ScoringScheme read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return JSON.readValue(in, ScoringScheme.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scoring scheme " + resource, e);
        }
    }
}
