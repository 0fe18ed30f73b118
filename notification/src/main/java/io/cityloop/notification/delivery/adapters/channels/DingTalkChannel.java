package io.cityloop.notification.delivery.adapters.channels;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.cityloop.notification.delivery.application.ChannelAdapter;
import io.cityloop.notification.delivery.model.Channel;
import io.cityloop.notification.delivery.model.Delivery;
import io.cityloop.notification.delivery.model.SendOutcome;
import io.cityloop.notification.delivery.model.Signatures;
import io.cityloop.notification.delivery.model.Subscription;

/**
 * 钉钉自定义机器人 with 加签: POST {@code {"msgtype":"markdown","markdown":{"title":…,"text":…}}} to the webhook URL
 * ({@code https://oapi.dingtalk.com/robot/send?access_token=…}) with {@code &timestamp=<ms>&sign=<sign>} appended,
 * the sign being the URL-encoded Base64 HMAC-SHA256 of {@code timestamp + "\n" + secret}. errcode 0 is delivered;
 * -1 (busy) and 130101 (sending too fast) are retried; other codes (e.g. 310000, a bad sign) are refused.
 */
@Component
class DingTalkChannel implements ChannelAdapter {

    private static final Set<Integer> RETRIED = Set.of(-1, 130101);

    private final HttpChannels http;
    private final Clock wallClock = Clock.systemUTC();

    DingTalkChannel(HttpChannels http) {
        this.http = http;
    }

    @Override
    public Channel channel() {
        return Channel.DINGTALK;
    }

    @Override
    public String endpointKey(Subscription subscription) {
        return HttpChannels.endpointKey(subscription.endpoint());
    }

    @Override
    public SendOutcome send(Delivery delivery, Subscription subscription) throws Exception {
        long timestamp = wallClock.millis();
        String url = subscription.endpoint() + (subscription.endpoint().contains("?") ? "&" : "?") + "timestamp="
                + timestamp + "&sign=" + Signatures.dingTalk(subscription.secret(), timestamp);
        String text = "#### " + delivery.title() + "\n\n" + delivery.text().replace("\n", "\n\n");
        String body = HttpChannels.json(Map.of("msgtype", "markdown",
                "markdown", Map.of("title", delivery.title(), "text", text)));
        HttpResponse<String> response = http.post(url, "application/json", body, Map.of());
        return WeComChannel.robotOutcome(response, RETRIED);
    }
}
