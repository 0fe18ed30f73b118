package io.cityloop.dispatch.task.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;

import io.cityloop.dispatch.routing.model.RoutingRequest;
import io.cityloop.dispatch.routing.model.RoutingRule;
import io.cityloop.dispatch.routing.model.RoutingRules;
import io.cityloop.dispatch.routing.model.RuleSet;
import io.cityloop.dispatch.task.model.DeadlineRules;
import io.cityloop.dispatch.task.model.DispatchOrder;
import io.cityloop.dispatch.task.model.FiledCase;
import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskId;
import io.cityloop.dispatch.task.model.TaskStatus;
import io.cityloop.reference.CityReference;

/**
 * The race the month-long bench run found: the deadline watch marks a task (黄灯) in the instant its unit feeds
 * back. A unit that named no version must not get a 409 for it.
 */
class TaskCommandSupportTest {

    private static final CityReference CITY = CityReference.load();
    private static final Instant FRIDAY_0900 = Instant.parse("2026-11-20T01:00:00Z");
    private static final UnitMember QINDU = new UnitMember("district-610402", "district-610402", "department");

    private final TaskStore store = mock(TaskStore.class);
    private final TaskCommandSupport support = new TaskCommandSupport(store);

    @Test
    void aCommandWithoutAVersionIsAppliedAgainToTheTaskAsItNowIs() {
        TaskId id = TaskId.firstOf("CL20261120000007");
        when(store.find(id)).thenAnswer(call -> Optional.of(dispatched(id)));
        doThrow(new OptimisticLockingFailureException("the deadline watch saved it first")).doNothing()
                .when(store).update(any());

        support.apply(id, QINDU, null, task -> task.accept(QINDU.asPerformer(), FRIDAY_0900.plusSeconds(600)));

        verify(store, times(2)).update(any());
    }

    @Test
    void aCommandNamingAVersionTheTaskHasLeftIsRefusedNotRetried() {
        TaskId id = TaskId.firstOf("CL20261120000008");
        when(store.find(id)).thenAnswer(call -> Optional.of(dispatched(id)));

        assertThatThrownBy(() -> support.apply(id, QINDU, 41L,
                t -> t.accept(QINDU.asPerformer(), FRIDAY_0900.plusSeconds(600))))
                .isInstanceOf(StaleTaskException.class);
        verify(store, never()).update(any());
    }

    @Test
    void theRulesDecideOnTheFreshTask() {
        TaskId id = TaskId.firstOf("CL20261120000009");
        Task acceptedMeanwhile = dispatched(id);
        acceptedMeanwhile.accept(QINDU.asPerformer(), FRIDAY_0900.plusSeconds(300));
        when(store.find(id)).thenReturn(Optional.of(dispatched(id)), Optional.of(acceptedMeanwhile));
        doThrow(new OptimisticLockingFailureException("a colleague accepted it")).when(store).update(any());

        assertThatThrownBy(() -> support.apply(id, QINDU, null,
                t -> t.accept(QINDU.asPerformer(), FRIDAY_0900.plusSeconds(600))))
                .isNotInstanceOf(StaleTaskException.class);
        assertThat(acceptedMeanwhile.status()).isEqualTo(TaskStatus.ACCEPTED);
    }

    private static Task dispatched(TaskId id) {
        RuleSet defaults = new RuleSet(1, CITY.catalog().all().stream()
                .map(c -> new RoutingRule("default-" + c.code(), c.code(), null, null, null, null, c.defaultUnit(),
                        null))
                .toList());
        FiledCase filed = new FiledCase(id.value().substring(1, id.value().lastIndexOf('-')), "02-01-01", "610402",
                "6104020010010001");
        return Task.dispatch(new DispatchOrder(id, filed, new RoutingRules(CITY, defaults)
                        .route(RoutingRequest.of("02-01-01", "610402", filed.gridCode())), null, null, null,
                        "filed-" + id.value()),
                new DeadlineRules(CITY.calendar(), 0.8, Duration.ofHours(7), 3), FRIDAY_0900);
    }
}
