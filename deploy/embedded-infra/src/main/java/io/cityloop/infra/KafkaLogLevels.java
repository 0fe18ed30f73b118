package io.cityloop.infra;

import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Turns the in-process broker's loggers down to WARN. The broker logs every config value and every partition
 * state change at INFO, which buries the services' own output in the launcher and in test logs.
 *
 * <p>Only Logback is handled, because it is the backend of every Spring Boot app and of this module's tests; with
 * another backend this is a no-op and the levels belong in that backend's configuration. A Spring Boot app that
 * initialises its logging <em>after</em> the broker started resets these levels; such apps set
 * {@code logging.level.kafka}, {@code logging.level.org.apache.kafka} and {@code logging.level.state.change.logger}
 * to {@code WARN} instead.
 */
final class KafkaLogLevels {

    static final List<String> BROKER_LOGGERS = List.of("kafka", "org.apache.kafka", "state.change.logger");

    private static final String LOGBACK_CONTEXT = "ch.qos.logback.classic.LoggerContext";

    private KafkaLogLevels() {
    }

    static void quietBroker() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (isLogback(factory)) {
            LogbackLevels.setWarn(factory, BROKER_LOGGERS);
        }
    }

    private static boolean isLogback(ILoggerFactory factory) {
        try {
            Class<?> context = Class.forName(LOGBACK_CONTEXT, false, KafkaLogLevels.class.getClassLoader());
            return context.isInstance(factory);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Separate class so that Logback types are only linked once Logback is known to be present. */
    private static final class LogbackLevels {

        static void setWarn(ILoggerFactory factory, List<String> loggerNames) {
            ch.qos.logback.classic.LoggerContext context = (ch.qos.logback.classic.LoggerContext) factory;
            loggerNames.forEach(name -> context.getLogger(name).setLevel(ch.qos.logback.classic.Level.WARN));
        }
    }
}
