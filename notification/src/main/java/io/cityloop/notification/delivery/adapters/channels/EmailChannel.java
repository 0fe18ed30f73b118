package io.cityloop.notification.delivery.adapters.channels;

import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import io.cityloop.notification.delivery.application.ChannelAdapter;
import io.cityloop.notification.delivery.application.DeliveryProperties;
import io.cityloop.notification.delivery.model.Channel;
import io.cityloop.notification.delivery.model.Delivery;
import io.cityloop.notification.delivery.model.SendOutcome;
import io.cityloop.notification.delivery.model.Subscription;

/**
 * E-mail over SMTP ({@code spring.mail.*}; enabled when {@code spring.mail.host} is set). The delivery's id is in
 * the {@code Message-ID} and in {@code X-CityLoop-Delivery}, so a mail client or a filter can drop a repeat.
 */
@Component
class EmailChannel implements ChannelAdapter {

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final String host;

    EmailChannel(ObjectProvider<JavaMailSender> mail, DeliveryProperties properties,
                 @Value("${spring.mail.host:}") String host) {
        this.mail = mail;
        this.from = properties.getEmail().getFrom();
        this.host = host;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean enabled() {
        return !host.isBlank() && mail.getIfAvailable() != null;
    }

    @Override
    public String endpointKey(Subscription subscription) {
        return "smtp:" + host;
    }

    @Override
    public SendOutcome send(Delivery delivery, Subscription subscription) throws Exception {
        JavaMailSender sender = mail.getObject();
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(subscription.endpoint());
        helper.setSubject("【城管通知】" + delivery.title());
        helper.setText(delivery.text() + "\n\n—— CityLoop 数字城管 (" + delivery.id() + ")");
        message.setHeader("Message-ID", "<" + delivery.id().replaceAll("[^A-Za-z0-9.~-]", ".") + "@cityloop>");
        message.setHeader("X-CityLoop-Delivery", delivery.id());
        try {
            sender.send(message);
        } catch (MailException e) {
            return SendOutcome.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return SendOutcome.sent("accepted by " + host);
    }
}
