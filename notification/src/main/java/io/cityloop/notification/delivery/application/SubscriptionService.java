package io.cityloop.notification.delivery.application;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.cityloop.notification.delivery.model.Channel;
import io.cityloop.notification.delivery.model.EndpointRules;
import io.cityloop.notification.delivery.model.QuietHours;
import io.cityloop.notification.delivery.model.Scope;
import io.cityloop.notification.delivery.model.Subscription;
import io.cityloop.notification.inbox.model.NotificationKind;
import io.cityloop.platform.problem.Problems;
import io.cityloop.platform.security.CurrentUser;
import io.cityloop.reference.BrokenRule;
import io.cityloop.reference.CityReference;

/**
 * Who may subscribe whom: an admin anything; a handling unit's user its own unit ({@code UNIT}, target = its unit)
 * or itself ({@code USER}, for its unit's notices); any other user itself ({@code USER}, for every unit or the one it
 * names). Every field is checked and a refusal names them all.
 */
@Service
public class SubscriptionService {

    static final int MAX_DIGEST_SECONDS = 3600;
    static final int MAX_TARGET_LENGTH = 64;

    private final SubscriptionStore store;
    private final CityReference city;
    private final Clock clock;
    private final EndpointRules rules;
    private final Map<Channel, ChannelAdapter> adapters = new EnumMap<>(Channel.class);

    public SubscriptionService(SubscriptionStore store, CityReference city, Clock clock,
                               DeliveryProperties properties, List<ChannelAdapter> adapters) {
        this.store = store;
        this.city = city;
        this.clock = clock;
        this.rules = new EndpointRules(properties.isRequireHttps());
        adapters.forEach(adapter -> this.adapters.put(adapter.channel(), adapter));
    }

    public Subscription create(SubscriptionDraft draft, CurrentUser user) {
        Subscription subscription = validated(UUID.randomUUID().toString(), draft, user);
        store.save(subscription);
        return subscription;
    }

    /** Replaces it; a subscription stopped by a 410 becomes active again. The secret is kept when none is sent. */
    public Subscription update(String id, SubscriptionDraft draft, CurrentUser user) {
        Subscription existing = visible(id, user);
        if (draft.secret() == null && existing.secret() != null) {
            draft = new SubscriptionDraft(draft.scope(), draft.target(), draft.unitId(), draft.channel(),
                    draft.endpoint(), existing.secret(), draft.kinds(), draft.quietFrom(), draft.quietTo(),
                    draft.digestSeconds());
        }
        Subscription updated = validated(id, draft, user);
        updated = new Subscription(id, updated.scope(), updated.target(), updated.unitId(), updated.channel(),
                updated.endpoint(), updated.secret(), updated.kinds(), updated.quietHours(), updated.digestWindow(),
                true, null, existing.createdBy(), existing.createdAt());
        store.save(updated);
        return updated;
    }

    public void delete(String id, CurrentUser user) {
        visible(id, user);
        store.delete(id);
    }

    public Subscription get(String id, CurrentUser user) {
        return visible(id, user);
    }

    public List<Subscription> list(String unit, CurrentUser user) {
        if (user.hasRole("admin")) {
            return store.list(unit);
        }
        if (user.unit() != null) {
            if (unit != null && !unit.equals(user.unit())) {
                throw Problems.forbidden("a handling unit reads only its own subscriptions");
            }
            return store.list(user.unit());
        }
        return store.ofUser(user.username());
    }

    private Subscription visible(String id, CurrentUser user) {
        Subscription subscription = store.find(id).orElseThrow(() -> Problems.notFound("no subscription " + id));
        if (!mayManage(subscription, user)) {
            throw Problems.forbidden("subscription " + id + " belongs to someone else");
        }
        return subscription;
    }

    private static boolean mayManage(Subscription subscription, CurrentUser user) {
        if (user.hasRole("admin")) {
            return true;
        }
        if (subscription.scope() == Scope.USER && subscription.target().equals(user.username())) {
            return true;
        }
        return subscription.scope() == Scope.UNIT && user.unit() != null && user.unit().equals(subscription.target());
    }

    private Subscription validated(String id, SubscriptionDraft draft, CurrentUser user) {
        List<BrokenRule> problems = new ArrayList<>();
        Scope scope = enumOf(Scope.class, draft.scope(), "scope", problems);
        Channel channel = enumOf(Channel.class, draft.channel(), "channel", problems);
        String target = draft.target();
        if (target == null || target.isBlank()) {
            problems.add(new BrokenRule("target", "required", "must name the unit, role or user"));
        } else if (target.length() > MAX_TARGET_LENGTH) {
            problems.add(new BrokenRule("target", "max-length", "must be at most " + MAX_TARGET_LENGTH
                    + " characters"));
        }
        String unitId = draft.unitId();
        if (scope == Scope.UNIT && target != null) {
            if (unitId != null && !unitId.equals(target)) {
                problems.add(new BrokenRule("unitId", "equals-target", "a unit's subscription is for its own unit"));
            }
            unitId = target;
        } else if (scope == Scope.USER && user.unit() != null && !user.hasRole("admin")) {
            unitId = user.unit();
        }
        if (unitId != null && city.unit(unitId).isEmpty()) {
            problems.add(new BrokenRule(scope == Scope.UNIT ? "target" : "unitId", "known-unit",
                    "must be a handling unit of the city, e.g. dept-16"));
        }
        if (channel != null) {
            ChannelAdapter adapter = adapters.get(channel);
            if (adapter == null || !adapter.enabled()) {
                problems.add(new BrokenRule("channel", "configured", "channel " + channel
                        + " is not configured in this deployment"));
            }
            problems.addAll(rules.check(channel, draft.endpoint(), draft.secret()));
        }
        Set<String> kinds = new LinkedHashSet<>();
        if (draft.kinds() == null || draft.kinds().isEmpty()) {
            problems.add(new BrokenRule("kinds", "not-empty", "must name at least one of "
                    + Arrays.toString(NotificationKind.values())));
        } else {
            for (String kind : draft.kinds()) {
                NotificationKind known = enumOf(NotificationKind.class, kind, "kinds", problems);
                if (known != null) {
                    kinds.add(known.name());
                }
            }
        }
        QuietHours quietHours = quietHours(draft, problems);
        int digestSeconds = draft.digestSeconds() == null ? 0 : draft.digestSeconds();
        if (digestSeconds < 0 || digestSeconds > MAX_DIGEST_SECONDS) {
            problems.add(new BrokenRule("digestSeconds", "range", "must be between 0 (no digest) and "
                    + MAX_DIGEST_SECONDS));
        }
        if (problems.isEmpty()) {
            authorize(scope, target, user);
        }
        if (!problems.isEmpty()) {
            throw new InvalidSubscriptionException(problems);
        }
        return new Subscription(id, scope, target, unitId, channel, draft.endpoint().trim(), draft.secret(),
                Set.copyOf(kinds), quietHours, Duration.ofSeconds(digestSeconds), true, null, user.username(),
                clock.instant());
    }

    private static void authorize(Scope scope, String target, CurrentUser user) {
        if (user.hasRole("admin")) {
            return;
        }
        boolean own = switch (scope) {
            case USER -> target.equals(user.username());
            case UNIT -> user.unit() != null && user.unit().equals(target);
            case ROLE -> false;
        };
        if (!own) {
            throw Problems.forbidden("only an admin subscribes others; a unit subscribes itself (UNIT, its own unit)"
                    + " and a user itself (USER, its own name)");
        }
    }

    private static QuietHours quietHours(SubscriptionDraft draft, List<BrokenRule> problems) {
        if (draft.quietFrom() == null && draft.quietTo() == null) {
            return null;
        }
        LocalTime from = time(draft.quietFrom(), "quietFrom", problems);
        LocalTime to = time(draft.quietTo(), "quietTo", problems);
        if (from == null || to == null) {
            return null;
        }
        if (from.equals(to)) {
            problems.add(new BrokenRule("quietTo", "differs", "must differ from quietFrom"));
            return null;
        }
        return new QuietHours(from, to);
    }

    private static LocalTime time(String value, String field, List<BrokenRule> problems) {
        if (value == null) {
            problems.add(new BrokenRule(field, "required", "quietFrom and quietTo come together, as HH:mm"));
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new BrokenRule(field, "time", "must be a local time as HH:mm, e.g. 22:00"));
            return null;
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field,
                                                List<BrokenRule> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new BrokenRule(field, "required", "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new BrokenRule(field, "one-of", "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    Optional<Subscription> find(String id) {
        return store.find(id);
    }
}
