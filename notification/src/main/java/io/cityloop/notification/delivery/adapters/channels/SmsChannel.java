package io.cityloop.notification.delivery.adapters.channels;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.cityloop.notification.delivery.application.ChannelAdapter;
import io.cityloop.notification.delivery.application.DeliveryProperties;
import io.cityloop.notification.delivery.model.Channel;
import io.cityloop.notification.delivery.model.Delivery;
import io.cityloop.notification.delivery.model.DeliveryItem;
import io.cityloop.notification.delivery.model.SendOutcome;
import io.cityloop.notification.delivery.model.Subscription;

/**
 * SMS through the provider {@code cityloop.delivery.sms.provider} names: {@code fake} (the default, for the embedded
 * mode) or {@code aliyun}. The template is chosen by the notice's kind ({@code DIGEST} for a digest) and filled with
 * {@code caseId}, {@code title} and {@code count}.
 */
@Component
class SmsChannel implements ChannelAdapter {

    private final SmsProvider provider;

    SmsChannel(DeliveryProperties properties, HttpChannels http) {
        String name = properties.getSms().getProvider().trim().toLowerCase(Locale.ROOT);
        this.provider = switch (name) {
            case "aliyun" -> new AliyunSmsProvider(http, properties.getSms().getAliyun());
            case "fake" -> new FakeSmsProvider(Path.of(properties.getSms().getFakeFile()));
            default -> throw new IllegalStateException("cityloop.delivery.sms.provider must be fake or aliyun, not "
                    + name);
        };
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public String endpointKey(Subscription subscription) {
        return provider.name();
    }

    @Override
    public SendOutcome send(Delivery delivery, Subscription subscription) throws Exception {
        DeliveryItem first = delivery.items().get(0);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("caseId", first.caseId());
        params.put("title", delivery.title());
        params.put("count", Integer.toString(delivery.items().size()));
        String kind = delivery.items().size() > 1 ? "DIGEST" : first.kind();
        String phone = subscription.endpoint().replaceFirst("^\\+?86", "");
        return provider.send(phone, kind, params, delivery.title() + "：" + delivery.text(), delivery.id());
    }
}
