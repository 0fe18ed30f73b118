package io.cityloop.notification.inbox.adapters.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.cityloop.notification.inbox.application.NotificationListener;
import io.cityloop.notification.inbox.model.Notification;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * 实时推送: the open server-sent-event streams of the apps, each for one unit (or, for the supervision center, every
 * unit). A new notification is sent to its unit's streams and the all-units streams as {@code event: notification},
 * {@code id:} the notification's id, {@code data:} the inbox's JSON; a comment every heartbeat keeps proxies from
 * closing an idle stream. Sending happens on its own thread, so a slow browser never holds the Kafka consumer.
 * A stream that missed something (closed, reconnecting) reads the inbox; the push is a hint, the inbox the record.
 */
@Component
class LivePush implements NotificationListener, DisposableBean {

    static final String ALL_UNITS = "*";

    private final ConcurrentHashMap<String, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "push"));
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            runnable -> daemon(runnable, "push-heartbeat"));
    private final Clock clock;
    private final ZoneId zone;
    private final Duration timeout;
    private final int maxStreams;

    LivePush(Clock clock, @Value("${cityloop.push.timeout:30m}") Duration timeout,
             @Value("${cityloop.push.heartbeat:15s}") Duration heartbeatInterval,
             @Value("${cityloop.push.max-streams:1000}") int maxStreams, MeterRegistry meters) {
        this.clock = clock;
        this.zone = clock.getZone();
        this.timeout = timeout;
        this.maxStreams = maxStreams;
        Gauge.builder("cityloop.push.streams", streams, map -> map.values().stream().mapToInt(Set::size).sum())
                .description("Live-push streams (server-sent events) open to the apps").register(meters);
        heartbeat.scheduleWithFixedDelay(this::beat, heartbeatInterval.toMillis(), heartbeatInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** @return null when {@code cityloop.push.max-streams} are open already */
    SseEmitter open(String unitOrAll) {
        if (count() >= maxStreams) {
            return null;
        }
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Set<SseEmitter> ofUnit = streams.computeIfAbsent(unitOrAll, key -> ConcurrentHashMap.newKeySet());
        ofUnit.add(emitter);
        Runnable remove = () -> ofUnit.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(() -> {
            remove.run();
            emitter.complete();
        });
        emitter.onError(error -> remove.run());
        try {
            emitter.send(SseEmitter.event().reconnectTime(3000).comment("connected " + clock.instant()));
        } catch (IOException | IllegalStateException gone) {
            remove.run();
        }
        return emitter;
    }

    @Override
    public void recorded(Notification notification, boolean first, boolean urgent, Instant publishedAt) {
        if (!first) {
            return;
        }
        NotificationView view = NotificationView.of(notification, zone);
        sender.execute(() -> {
            send(streams.get(notification.unitId()), notification.id(), view);
            send(streams.get(ALL_UNITS), notification.id(), view);
        });
    }

    private void send(Set<SseEmitter> emitters, String id, NotificationView view) {
        if (emitters == null) {
            return;
        }
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(SseEmitter.event().id(id).name("notification").data(view, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException closed) {
                emitters.remove(emitter);
                emitter.completeWithError(closed);
            }
        }
    }

    private void beat() {
        sender.execute(() -> streams.values().forEach(emitters -> {
            for (SseEmitter emitter : emitters) {
                try {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                } catch (IOException | IllegalStateException closed) {
                    emitters.remove(emitter);
                }
            }
        }));
    }

    private int count() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        sender.shutdownNow();
        streams.values().forEach(emitters -> emitters.forEach(SseEmitter::complete));
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
