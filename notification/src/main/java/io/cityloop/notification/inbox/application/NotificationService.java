package io.cityloop.notification.inbox.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
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
    private final ObjectProvider<NotificationListener> listeners;

    public NotificationService(NotificationStore store, CityReference city, Clock clock, MeterRegistry meters,
                               ObjectProvider<NotificationListener> listeners) {
        this.store = store;
        this.city = city;
        this.clock = clock;
        this.meters = meters;
        this.listeners = listeners;
        this.messages = new NotificationMessages(clock.getZone());
    }

    /** @return whether a new notification was recorded (false for other events and for redeliveries) */
    public boolean record(CaseEvent event) {
        return record(event, null);
    }

    /**
     * Records the notification an event causes and tells the listeners (push, deliveries) — also for a redelivered
     * event, so that a fan-out a crash interrupted is completed.
     *
     * @param publishedAt when the event was published to Kafka, for the event → delivery latency; may be null
     * @return whether a new notification was recorded (false for other events and for redeliveries)
     */
    public boolean record(CaseEvent event, Instant publishedAt) {
        Optional<TaskNotice> notice = noticeOf(event);
        if (notice.isEmpty()) {
            return false;
        }
        Notification notification = messages.compose(notice.get());
        boolean first = store.addIfAbsent(notification);
        if (first) {
            Counter.builder(RECORDED_METRIC)
                    .description("notifications recorded for handling units")
                    .tag("kind", notice.get().kind().name())
                    .register(meters)
                    .increment();
        }
        boolean urgent = isUrgent(event);
        listeners.orderedStream().forEach(listener -> listener.recorded(notification, first, urgent, publishedAt));
        return first;
    }

    /** A task whose time limit is counted in working hours (e.g. a missing manhole cover, 2 h) or a 督办. */
    static boolean isUrgent(CaseEvent event) {
        if (event.data() instanceof TaskEscalated) {
            return true;
        }
        return event.data() instanceof TaskDispatched d && d.timeLimit() != null
                && "WORKING_HOURS".equals(d.timeLimit().unit());
    }

    public List<Notification> inbox(String unitId, boolean unreadOnly, int limit) {
        return store.inbox(unitId, unreadOnly, limit);
    }

    public Optional<Notification> find(String id) {
        return store.find(id);
    }

    public Optional<Notification> markRead(String id) {
        Optional<Notification> read = store.markRead(id, clock.instant());
        read.ifPresent(notification -> listeners.orderedStream().forEach(listener -> listener.read(notification)));
        return read;
    }

    private Optional<TaskNotice> noticeOf(CaseEvent event) {
        if (event.data() instanceof TaskDispatched d) {
            return Optional.of(new TaskNotice(event.id(), NotificationKind.DISPATCHED, d.caseId(), d.taskId(),
                    d.unitId(), unitName(d.unitId(), d.unitName()), d.categoryCode(),
                    d.categoryName() != null ? d.categoryName() : categoryName(d.categoryCode()),
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
