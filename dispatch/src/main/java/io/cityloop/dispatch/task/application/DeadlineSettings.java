package io.cityloop.dispatch.task.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cityloop.dispatch.deadlines.*}: the deadline watch's thresholds and rhythm.
 *
 * @param warningShare       share of the time limit after which the 黄灯 warning fires
 * @param escalationPeriod   working time overdue after which each automatic 督办 level follows
 * @param maxAutomaticLevel  the highest level the watch escalates to on its own; supervisors may go higher
 * @param watchInterval      pause between two sweeps of the deadline watch
 * @param watchBatch         tasks looked at per kind of threshold per sweep
 * @param watchEnabled       switch for the periodic sweep (tests drive it by hand)
 */
@ConfigurationProperties("cityloop.dispatch.deadlines")
public record DeadlineSettings(
        @DefaultValue("0.8") double warningShare,
        @DefaultValue("7h") Duration escalationPeriod,
        @DefaultValue("3") int maxAutomaticLevel,
        @DefaultValue("5s") Duration watchInterval,
        @DefaultValue("500") int watchBatch,
        @DefaultValue("true") boolean watchEnabled) {
}
