package io.cityloop.notification.delivery.adapters.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.cityloop.notification.delivery.application.SubscriptionDraft;
import io.cityloop.notification.delivery.application.SubscriptionService;
import io.cityloop.platform.security.CurrentUser;

/**
 * 订阅: who hears what, where — edited by admins for anyone and by units and users for themselves. Under
 * {@code /api/notifications/} so the gateway's notification route carries it.
 */
@RestController
@RequestMapping("/api/notifications/subscriptions")
class SubscriptionController {

    private final SubscriptionService subscriptions;
    private final ZoneId zone;

    SubscriptionController(SubscriptionService subscriptions, Clock clock) {
        this.subscriptions = subscriptions;
        this.zone = clock.getZone();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SubscriptionView create(@RequestBody SubscriptionDraft draft, CurrentUser user) {
        return SubscriptionView.of(subscriptions.create(draft, user), zone);
    }

    @GetMapping
    List<SubscriptionView> list(@RequestParam(required = false) String unit, CurrentUser user) {
        return subscriptions.list(unit, user).stream().map(s -> SubscriptionView.of(s, zone)).toList();
    }

    @GetMapping("/{id}")
    SubscriptionView get(@PathVariable String id, CurrentUser user) {
        return SubscriptionView.of(subscriptions.get(id, user), zone);
    }

    @PutMapping("/{id}")
    SubscriptionView update(@PathVariable String id, @RequestBody SubscriptionDraft draft, CurrentUser user) {
        return SubscriptionView.of(subscriptions.update(id, draft, user), zone);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, CurrentUser user) {
        subscriptions.delete(id, user);
    }
}
