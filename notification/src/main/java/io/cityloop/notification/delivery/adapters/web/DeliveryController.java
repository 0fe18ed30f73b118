package io.cityloop.notification.delivery.adapters.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.cityloop.notification.delivery.application.DeliveryStore;
import io.cityloop.notification.delivery.application.DeliveryWorker;
import io.cityloop.notification.delivery.model.Delivery;
import io.cityloop.notification.delivery.model.DeliveryStatus;
import io.cityloop.platform.problem.Problems;
import io.cityloop.platform.security.CurrentUser;

/**
 * 投递回执: each delivery's status (PENDING, SENT, READ, FAILED = dead-lettered, CANCELLED), by unit, by status or by
 * notification; an admin sends a dead-lettered one again.
 */
@RestController
@RequestMapping("/api/notifications/deliveries")
class DeliveryController {

    private final DeliveryStore deliveries;
    private final DeliveryWorker worker;
    private final Clock wallClock = Clock.systemUTC();
    private final ZoneId zone;

    DeliveryController(DeliveryStore deliveries, DeliveryWorker worker, Clock clock) {
        this.deliveries = deliveries;
        this.worker = worker;
        this.zone = clock.getZone();
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('DEPARTMENT','SUPERVISOR','ADMIN')")
    List<DeliveryView> list(@RequestParam(required = false) String unit,
                            @RequestParam(required = false) String status,
                            @RequestParam(required = false) String notificationId,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                            CurrentUser user) {
        String visibleUnit = unit;
        if (!user.hasAnyRole("supervisor", "admin")) {
            if (user.unit() == null || (unit != null && !unit.equals(user.unit()))) {
                throw Problems.forbidden("a handling unit reads only its own deliveries");
            }
            visibleUnit = user.unit();
        }
        DeliveryStatus wanted = status == null ? null : status(status);
        if (visibleUnit == null && wanted == null && notificationId == null) {
            throw Problems.validation("status", "required", "name a unit, a status or a notificationId");
        }
        return deliveries.list(visibleUnit, wanted, notificationId, limit).stream()
                .map(d -> DeliveryView.of(d, zone)).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('DEPARTMENT','SUPERVISOR','ADMIN')")
    DeliveryView get(@PathVariable String id, CurrentUser user) {
        Delivery delivery = deliveries.find(id).orElseThrow(() -> Problems.notFound("no delivery " + id));
        if (!user.hasAnyRole("supervisor", "admin") && !user.belongsTo(delivery.unitId())) {
            throw Problems.forbidden("delivery " + id + " belongs to another unit");
        }
        return DeliveryView.of(delivery, zone);
    }

    /** A dead-lettered delivery goes back to the outbox with its attempts reset (same id: receivers dedup it). */
    @PostMapping("/{id}/retry")
    @PreAuthorize("hasRole('ADMIN')")
    DeliveryView retry(@PathVariable String id) {
        deliveries.find(id).orElseThrow(() -> Problems.notFound("no delivery " + id));
        if (!deliveries.requeue(id, wallClock.instant())) {
            throw Problems.invalidTransition("only a FAILED delivery is sent again");
        }
        worker.wakeUp();
        return deliveries.find(id).map(d -> DeliveryView.of(d, zone))
                .orElseThrow(() -> Problems.notFound("no delivery " + id));
    }

    private static DeliveryStatus status(String value) {
        try {
            return DeliveryStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.validation("status", "one-of", "must be one of "
                    + Arrays.toString(DeliveryStatus.values()));
        }
    }
}
