package io.cityloop.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import io.cityloop.platform.outbox.OutboxCollection;

/** case-intake: the supervision center (监督中心), owner of the case file. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(IntakeApplication.class, args);
    }

    @Bean
    OutboxCollection caseOutbox() {
        return new OutboxCollection("cases");
    }
}
