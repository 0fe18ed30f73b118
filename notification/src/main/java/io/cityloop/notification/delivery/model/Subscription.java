package io.cityloop.notification.delivery.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * 订阅: who hears what, where. A unit's duty phone gets its dispatched and rework tasks, its leader's WeCom group the
 * warnings and overdue tasks, the supervisors' DingTalk group every escalation.
 *
 * @param unitId        the handling unit whose notices it wants; {@code null} for every unit (a role's or a
 *                      supervisor's subscription)
 * @param endpoint      the robot's webhook URL, the phone number, the e-mail address or the webhook URL
 * @param secret        DingTalk's signing secret or the webhook's HMAC secret; never shown by the API
 * @param quietHours    {@code null} for none; urgent notices are exempt
 * @param digestWindow  {@link Duration#ZERO} to send each notice alone; otherwise non-urgent notices of one window
 *                      go out as one message when it ends
 * @param stoppedReason why it is inactive (e.g. the receiver answered 410 Gone); {@code null} while active
 */
public record Subscription(
        String id,
        Scope scope,
        String target,
        String unitId,
        Channel channel,
        String endpoint,
        String secret,
        Set<String> kinds,
        QuietHours quietHours,
        Duration digestWindow,
        boolean active,
        String stoppedReason,
        String createdBy,
        Instant createdAt) {

    /** Whether a notice of this kind for this unit goes to this subscription. */
    public boolean wants(String kind, String noticeUnitId) {
        return active && kinds.contains(kind) && (unitId == null || unitId.equals(noticeUnitId));
    }

    public boolean digests() {
        return digestWindow != null && !digestWindow.isZero();
    }

    public Subscription stopped(String reason) {
        return new Subscription(id, scope, target, unitId, channel, endpoint, secret, kinds, quietHours,
                digestWindow, false, reason, createdBy, createdAt);
    }
}
