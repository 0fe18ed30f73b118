package io.cityloop.dispatch.task.application;

import java.util.Locale;

import org.springframework.stereotype.Component;

import io.cityloop.dispatch.routing.model.UnroutableCaseException;
import io.cityloop.dispatch.task.model.TaskEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The command center's business counters, as the Grafana dashboards and alert rules read them. */
@Component
public class TaskMetrics {

    public static final String DISPATCHED = "cityloop.tasks.dispatched";
    public static final String HANDLED = "cityloop.tasks.handled";
    public static final String REWORKED = "cityloop.tasks.reworked";
    public static final String RETURNED = "cityloop.tasks.returned";
    public static final String EXTENSIONS = "cityloop.tasks.extensions.decided";
    public static final String SIGNALS = "cityloop.tasks.deadline.signals";
    public static final String ESCALATED = "cityloop.tasks.escalated";
    public static final String ROUTING_FAILURES = "cityloop.routing.failures";
    public static final String PARKED = "cityloop.dispatch.parked";
    public static final String REASSIGNED = "cityloop.tasks.reassigned";

    private final MeterRegistry registry;

    public TaskMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void dispatched(String unit) {
        Counter.builder(DISPATCHED).description("tasks dispatched to a handling unit").tag("unit", unit)
                .register(registry).increment();
    }

    void handled(String unit, boolean onTime) {
        Counter.builder(HANDLED).description("tasks the unit fed back as handled").tag("unit", unit)
                .tag("on_time", Boolean.toString(onTime)).register(registry).increment();
    }

    void reworked(String unit) {
        Counter.builder(REWORKED).description("tasks sent back for rework").tag("unit", unit)
                .register(registry).increment();
    }

    void returned(String unit) {
        Counter.builder(RETURNED).description("tasks a unit returned to the dispatcher").tag("unit", unit)
                .register(registry).increment();
    }

    void extensionDecided(String unit, boolean approved) {
        Counter.builder(EXTENSIONS).description("extension requests decided").tag("unit", unit)
                .tag("approved", Boolean.toString(approved)).register(registry).increment();
    }

    void escalated(String unit, boolean automatic) {
        Counter.builder(ESCALATED).description("escalations (督办)").tag("unit", unit)
                .tag("automatic", Boolean.toString(automatic)).register(registry).increment();
    }

    void signalled(String unit, TaskEvent event) {
        if (event instanceof TaskEvent.Escalated) {
            escalated(unit, true);
            return;
        }
        String signal = event instanceof TaskEvent.Warned ? "warning" : "overdue";
        Counter.builder(SIGNALS).description("deadline warnings (黄灯) and overdue signals (红灯)").tag("unit", unit)
                .tag("signal", signal).register(registry).increment();
    }

    void routingFailed(UnroutableCaseException.Reason reason) {
        Counter.builder(ROUTING_FAILURES).description("filed cases no routing rule could place")
                .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(registry).increment();
    }

    void parked(String cause) {
        Counter.builder(PARKED).description("filed cases parked for manual dispatch (待人工派遣)")
                .tag("cause", cause).register(registry).increment();
    }

    void reassigned(String fromUnit) {
        Counter.builder(REASSIGNED).description("open tasks a dispatcher moved to another unit (改派)")
                .tag("unit", fromUnit).register(registry).increment();
    }
}
