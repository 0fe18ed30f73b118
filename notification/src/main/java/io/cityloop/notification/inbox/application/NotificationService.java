package io.cityloop.notification.inbox.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.cityloop.events.CaseEvent;
import io.cityloop.events.DeadlineWarning;
import io.cityloop.events.ReworkDispatched;
import io.cityloop.events.TaskEscalated;
import io.cityloop.events.TaskOverdue;
import io.cityloop.events.TaskDispatched;
import io.cityloop.notification.inbox.model.Notification;
import io.cityloop.notification.inbox.model.NotificationKind;
import io.cityloop.notification.inbox.model.NotificationMessages;
import io.cityloop.notification.inbox.model.TaskNotice;
import io.cityloop.reference.Category;
import io.cityloop.reference.CityReference;
import io.cityloop.reference.HandlingUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Records a notification for each task a unit receives and for each signal of the deadline watch about it (黄灯,
 * 红灯, 督办), and serves the units' inboxes.
 */
@Service
public class NotificationService {

    static final String RECORDED_METRIC = "cityloop.notifications.recorded";

    private final NotificationStore store;
    private final CityReference city;
    private final Clock clock;
    private final MeterRegistry meters;
    private final NotificationMessages messages;

    public NotificationService(NotificationStore store, CityReference city, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.city = city;
        this.clock = clock;
        this.meters = meters;
        this.messages = new NotificationMessages(clock.getZone());
    }

    /** @return whether a new notification was recorded (false for other events and for redeliveries) */
    public boolean record(CaseEvent event) {
        Optional<TaskNotice> notice = noticeOf(event);
        if (notice.isEmpty() || !store.addIfAbsent(messages.compose(notice.get()))) {
            return false;
        }
        Counter.builder(RECORDED_METRIC)
                .description("notifications recorded for handling units")
                .tag("kind", notice.get().kind().name())
                .register(meters)
                .increment();
        return true;
    }

    public List<Notification> inbox(String unitId, boolean unreadOnly, int limit) {
        return store.inbox(unitId, unreadOnly, limit);
    }

    public Optional<Notification> find(String id) {
        return store.find(id);
    }

    public Optional<Notification> markRead(String id) {
        return store.markRead(id, clock.instant());
    }

    private Optional<TaskNotice> noticeOf(CaseEvent event) {
        if (event.data() instanceof TaskDispatched d) {
            return Optional.of(new TaskNotice(event.id(), NotificationKind.DISPATCHED, d.caseId(), d.taskId(),
                    d.unitId(), unitName(d.unitId(), d.unitName()), d.categoryCode(), categoryName(d.categoryCode()),
                    d.deadline(), event.time(), 0));
        }
        if (event.data() instanceof ReworkDispatched r) {
            String categoryCode = store.dispatchOf(r.taskId()).map(Notification::categoryCode).orElse(null);
            return Optional.of(new TaskNotice(event.id(), NotificationKind.REWORK, r.caseId(), r.taskId(),
                    r.unitId(), unitName(r.unitId(), null), categoryCode, categoryName(categoryCode), r.deadline(),
                    event.time(), r.reworkCount()));
        }
        if (event.data() instanceof DeadlineWarning w) {
            return watchNotice(event, NotificationKind.DEADLINE_WARNING, w.caseId(), w.taskId(), w.unitId(),
                    w.deadline(), 0);
        }
        if (event.data() instanceof TaskOverdue o) {
            return watchNotice(event, NotificationKind.OVERDUE, o.caseId(), o.taskId(), o.unitId(), o.deadline(), 0);
        }
        if (event.data() instanceof TaskEscalated e) {
            return watchNotice(event, NotificationKind.ESCALATED, e.caseId(), e.taskId(), e.unitId(), null,
                    e.level());
        }
        return Optional.empty();
    }

    /** The watch's events name no category; it comes from the task's dispatch notification when there was one. */
    private Optional<TaskNotice> watchNotice(CaseEvent event, NotificationKind kind, String caseId, String taskId,
                                             String unitId, Instant deadline, int round) {
        String categoryCode = store.dispatchOf(taskId).map(Notification::categoryCode).orElse(null);
        return Optional.of(new TaskNotice(event.id(), kind, caseId, taskId, unitId, unitName(unitId, null),
                categoryCode, categoryName(categoryCode), deadline, event.time(), round));
    }

    private String unitName(String unitId, String named) {
        if (named != null) {
            return named;
        }
        return city.unit(unitId).map(HandlingUnit::name).orElse(unitId);
    }

    private String categoryName(String code) {
        return city.catalog().find(code).map(Category::name).orElse(null);
    }
}
