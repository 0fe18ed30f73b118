package io.cityloop.assessment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.cityloop.assessment.close.model.CloseSchedule;
import io.cityloop.assessment.ledger.model.WorkingTimeScale;
import io.cityloop.reference.CityReference;

/** The working calendar as the assessment uses it: a ruler for the clock ledger and the month-close schedule. */
@Configuration
@EnableScheduling
class AssessmentConfiguration {

    @Bean
    WorkingTimeScale workingTimeScale(CityReference city) {
        return new WorkingTimeScale(city.calendar());
    }

    @Bean
    CloseSchedule closeSchedule(CityReference city) {
        return new CloseSchedule(city.calendar());
    }
}
