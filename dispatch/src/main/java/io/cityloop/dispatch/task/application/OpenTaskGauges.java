package io.cityloop.dispatch.task.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.cityloop.reference.CityReference;
import io.cityloop.reference.HandlingUnit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * Open (在办) and overdue (超期) tasks per unit, for the command center's board and the overdue alert. Counted by a
 * periodic query rather than on every scrape, so a scrape never waits on the database; every unit reports, with 0
 * when it has nothing open, so a unit's line does not vanish from the dashboard.
 */
@Component
public class OpenTaskGauges {

    public static final String OPEN = "cityloop.tasks.open";
    public static final String OVERDUE = "cityloop.tasks.overdue";

    private final TaskStore store;
    private final CityReference reference;
    private final Clock clock;
    private final MultiGauge open;
    private final MultiGauge overdue;

    public OpenTaskGauges(TaskStore store, CityReference reference, Clock clock, MeterRegistry registry) {
        this.store = store;
        this.reference = reference;
        this.clock = clock;
        this.open = MultiGauge.builder(OPEN).description("tasks not yet fed back, per handling unit")
                .register(registry);
        this.overdue = MultiGauge.builder(OVERDUE).description("open tasks past their deadline, per handling unit")
                .register(registry);
    }

    @Scheduled(initialDelayString = "${cityloop.dispatch.gauges.initial-delay:5s}",
            fixedDelayString = "${cityloop.dispatch.gauges.refresh-interval:30s}")
    public void refresh() {
        Map<String, UnitTally> tallies = store.openTasksByUnit(clock.instant()).stream()
                .collect(Collectors.toMap(UnitTally::unitId, Function.identity()));
        List<MultiGauge.Row<?>> openRows = new ArrayList<>();
        List<MultiGauge.Row<?>> overdueRows = new ArrayList<>();
        for (HandlingUnit unit : reference.units()) {
            UnitTally tally = tallies.getOrDefault(unit.id(), new UnitTally(unit.id(), 0, 0));
            openRows.add(MultiGauge.Row.of(Tags.of("unit", unit.id()), tally.open()));
            overdueRows.add(MultiGauge.Row.of(Tags.of("unit", unit.id()), tally.overdue()));
        }
        open.register(openRows, true);
        overdue.register(overdueRows, true);
    }
}
