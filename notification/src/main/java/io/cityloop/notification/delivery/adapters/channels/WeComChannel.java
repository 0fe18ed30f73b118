package io.cityloop.notification.delivery.adapters.channels;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.cityloop.notification.delivery.application.ChannelAdapter;
import io.cityloop.notification.delivery.model.Channel;
import io.cityloop.notification.delivery.model.Delivery;
import io.cityloop.notification.delivery.model.SendOutcome;
import io.cityloop.notification.delivery.model.Subscription;
import tools.jackson.databind.JsonNode;

/**
 * 企业微信群机器人: POST {@code {"msgtype":"markdown","markdown":{"content":…}}} to the robot's webhook URL
 * ({@code https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…}). It answers 200 with {@code errcode}: 0 is
 * delivered; -1 (busy) and 45009 (over the robot's 20 messages a minute) are retried; any other code is refused.
 */
@Component
class WeComChannel implements ChannelAdapter {

    private static final Set<Integer> RETRIED = Set.of(-1, 45009);

    private final HttpChannels http;

    WeComChannel(HttpChannels http) {
        this.http = http;
    }

    @Override
    public Channel channel() {
        return Channel.WECOM;
    }

    @Override
    public String endpointKey(Subscription subscription) {
        return HttpChannels.endpointKey(subscription.endpoint());
    }

    @Override
    public SendOutcome send(Delivery delivery, Subscription subscription) throws Exception {
        String content = "### " + delivery.title() + "\n" + delivery.text();
        String body = HttpChannels.json(Map.of("msgtype", "markdown", "markdown", Map.of("content", content)));
        HttpResponse<String> response = http.post(subscription.endpoint(), "application/json", body, Map.of());
        return robotOutcome(response, RETRIED);
    }

    static SendOutcome robotOutcome(HttpResponse<String> response, Set<Integer> retried) {
        SendOutcome byStatus = SendOutcome.ofHttpStatus(response.statusCode(), response.body());
        if (byStatus.kind() != SendOutcome.Kind.SENT) {
            return byStatus;
        }
        JsonNode answer = HttpChannels.parse(response.body());
        int code = answer.path("errcode").asInt(-1);
        String detail = "errcode " + code + " " + answer.path("errmsg").asString("");
        if (code == 0) {
            return SendOutcome.sent(detail);
        }
        return retried.contains(code) ? SendOutcome.retry(detail) : SendOutcome.refused(detail);
    }
}
