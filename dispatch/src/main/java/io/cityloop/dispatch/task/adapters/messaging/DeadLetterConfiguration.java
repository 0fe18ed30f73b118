package io.cityloop.dispatch.task.adapters.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

import io.cityloop.dispatch.routing.model.UnroutableCaseException;
import io.cityloop.dispatch.task.application.TaskNotFoundException;
import io.cityloop.dispatch.task.model.IllegalTransitionException;
import io.cityloop.platform.PlatformProperties;
import io.cityloop.platform.messaging.DeadLetters;

/**
 * The platform's bounded retries, plus the failures that no retry can cure: a rework request for a task this center
 * never dispatched, or one the task's status does not allow. These go straight to {@code cityloop.case-events.DLT}
 * for a person to look at, instead of holding up the case's partition. A filed case no rule can route is parked in
 * the dispatch queue instead; the routing failure stays listed here as a guard should one escape.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    @Bean
    DefaultErrorHandler dispatchErrorHandler(KafkaTemplate<String, String> template, PlatformProperties properties) {
        DefaultErrorHandler handler = DeadLetters.errorHandler(template, properties.consumer());
        handler.addNotRetryableExceptions(UnroutableCaseException.class, TaskNotFoundException.class,
                IllegalTransitionException.class);
        return handler;
    }
}
