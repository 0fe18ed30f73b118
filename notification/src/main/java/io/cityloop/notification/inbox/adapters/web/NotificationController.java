package io.cityloop.notification.inbox.adapters.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.cityloop.notification.inbox.application.NotificationService;
import io.cityloop.notification.inbox.model.Notification;
import io.cityloop.platform.problem.Problems;
import io.cityloop.platform.security.CurrentUser;

/** A handling unit's inbox; the supervision center may read every unit's. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final NotificationService notifications;
    private final ZoneId zone;

    private final LivePush push;

    NotificationController(NotificationService notifications, Clock clock, LivePush push) {
        this.notifications = notifications;
        this.zone = clock.getZone();
        this.push = push;
    }

    /**
     * 实时推送: a server-sent-event stream of the unit's new notifications ({@code event: notification}, the inbox's
     * JSON). A unit's user streams only its own unit; supervisors and admins one unit ({@code ?unit=}) or all.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAnyRole('DEPARTMENT','SUPERVISOR','ADMIN')")
    SseEmitter stream(@RequestParam(required = false) String unit, CurrentUser user) {
        String visible = visibleUnit(user, unit);
        SseEmitter emitter = push.open(visible == null ? LivePush.ALL_UNITS : visible);
        if (emitter == null) {
            throw Problems.unavailable("too many open notification streams; read the inbox and try again later");
        }
        return emitter;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('DEPARTMENT','SUPERVISOR','ADMIN')")
    List<NotificationView> inbox(@RequestParam(defaultValue = "false") boolean unreadOnly,
                                 @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                                 @RequestParam(required = false) String unit,
                                 CurrentUser user) {
        return notifications.inbox(visibleUnit(user, unit), unreadOnly, limit).stream()
                .map(notification -> NotificationView.of(notification, zone))
                .toList();
    }

    @PostMapping("/{id}/read")
    @PreAuthorize("hasRole('DEPARTMENT')")
    NotificationView markRead(@PathVariable String id, CurrentUser user) {
        Notification notification = notifications.find(id)
                .orElseThrow(() -> Problems.notFound("no notification " + id));
        if (!notification.isFor(user.unit())) {
            throw Problems.forbidden("notification " + id + " belongs to another unit");
        }
        return notifications.markRead(id).map(read -> NotificationView.of(read, zone))
                .orElseThrow(() -> Problems.notFound("no notification " + id));
    }

    /** Supervisors and admins read any unit (all when none is named); a unit's user reads only its own. */
    private static String visibleUnit(CurrentUser user, String requested) {
        if (user.hasAnyRole("supervisor", "admin")) {
            return requested;
        }
        if (user.unit() == null) {
            throw Problems.forbidden("a handling-unit user needs a unit claim");
        }
        if (requested != null && !requested.equals(user.unit())) {
            throw Problems.forbidden("a handling unit reads only its own notifications");
        }
        return user.unit();
    }
}
