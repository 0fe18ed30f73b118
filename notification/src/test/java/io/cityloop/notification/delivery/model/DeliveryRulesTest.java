package io.cityloop.notification.delivery.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cityloop.reference.BrokenRule;

class DeliveryRulesTest {

    @Test
    void backOffDoublesWithJitterInItsUpperHalfAndIsCapped() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(30));
        assertThat(policy.delayAfter(1, 0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayAfter(1, 0.999)).isLessThan(Duration.ofSeconds(2)).isGreaterThan(Duration.ofMillis(1990));
        assertThat(policy.delayAfter(3, 0.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delayAfter(10, 0.5)).isEqualTo(Duration.ofMillis(22_500));
        assertThat(policy.delayAfter(64, 0.0)).isEqualTo(Duration.ofSeconds(15));
        assertThat(policy.retriesAfter(4)).isTrue();
        assertThat(policy.retriesAfter(5)).isFalse();
    }

    @Test
    void quietHoursMayWrapMidnight() {
        QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
        assertThat(night.contains(LocalTime.of(23, 30))).isTrue();
        assertThat(night.contains(LocalTime.of(6, 59))).isTrue();
        assertThat(night.contains(LocalTime.of(7, 0))).isFalse();
        assertThat(night.contains(LocalTime.of(12, 0))).isFalse();
        assertThat(night.remainingAt(LocalTime.of(23, 0))).isEqualTo(Duration.ofHours(8));
        assertThat(night.remainingAt(LocalTime.of(6, 0))).isEqualTo(Duration.ofHours(1));
        assertThat(night.remainingAt(LocalTime.of(12, 0))).isZero();
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 30));
        assertThat(lunch.remainingAt(LocalTime.of(13, 0))).isEqualTo(Duration.ofMinutes(90));
        assertThat(lunch.contains(LocalTime.of(23, 0))).isFalse();
    }

    @Test
    void endpointsAreCheckedPerChannel() {
        EndpointRules production = new EndpointRules(true);
        assertThat(production.check(Channel.WEBHOOK, "http://receiver.example/hook", "0123456789abcdef"))
                .extracting(BrokenRule::rule).containsExactly("https");
        assertThat(production.check(Channel.WEBHOOK, "https://receiver.example/hook", "short"))
                .extracting(BrokenRule::rule).containsExactly("min-length");
        assertThat(production.check(Channel.WECOM, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", null))
                .isEmpty();
        assertThat(production.check(Channel.WECOM, "https://user:pw@qyapi.weixin.qq.com/x", null))
                .extracting(BrokenRule::rule).containsExactly("url");
        assertThat(production.check(Channel.SMS, "13800138000", null)).isEmpty();
        assertThat(production.check(Channel.SMS, "+8613800138000", null)).isEmpty();
        assertThat(production.check(Channel.SMS, "12800138000", null)).extracting(BrokenRule::rule)
                .containsExactly("mobile-number");
        assertThat(production.check(Channel.EMAIL, "duty@water.xianyang.gov.cn", null)).isEmpty();
        assertThat(production.check(Channel.EMAIL, "duty@", null)).extracting(BrokenRule::rule)
                .containsExactly("email");
        assertThat(new EndpointRules(false).check(Channel.WEBHOOK, "http://127.0.0.1:9000/hook",
                "0123456789abcdef")).isEmpty();
    }

    @Test
    void webhookSignatureIsHmacSha256OfTimestampDotBody() {
        // echo -n '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'secret'
        assertThat(Signatures.webhook("secret", "1700000000", "{\"a\":1}"))
                .isEqualTo("sha256=" + java.util.HexFormat.of().formatHex(Signatures.hmac("HmacSHA256", "secret",
                        "1700000000.{\"a\":1}")));
        assertThat(Signatures.aliyunEncode("a b*c~")).isEqualTo("a%20b%2Ac~");
    }

    @Test
    void aDigestListsItsNoticesAndOneNoticeIsItself() {
        DeliveryItem a = new DeliveryItem("e1", "DEADLINE_WARNING", "C1", "T1", "dept-16", "即将超期", "案件 C1 即将超期",
                Instant.EPOCH);
        DeliveryItem b = new DeliveryItem("e2", "DEADLINE_WARNING", "C2", "T2", "dept-16", "即将超期", "案件 C2 即将超期",
                Instant.EPOCH);
        Delivery one = delivery(List.of(a));
        Delivery two = delivery(List.of(a, b));
        assertThat(one.title()).isEqualTo("即将超期");
        assertThat(one.text()).isEqualTo("案件 C1 即将超期");
        assertThat(two.title()).isEqualTo("城管通知汇总（2 条）");
        assertThat(two.text()).isEqualTo("1. 【即将超期】案件 C1 即将超期\n2. 【即将超期】案件 C2 即将超期");
        assertThat(Delivery.idFor("e1", "s1")).isEqualTo("e1~s1");
    }

    @Test
    void httpStatusesAreReadAsTheIssueSays() {
        assertThat(SendOutcome.ofHttpStatus(204, "").kind()).isEqualTo(SendOutcome.Kind.SENT);
        assertThat(SendOutcome.ofHttpStatus(410, "").kind()).isEqualTo(SendOutcome.Kind.GONE);
        assertThat(SendOutcome.ofHttpStatus(503, "").kind()).isEqualTo(SendOutcome.Kind.RETRY);
        assertThat(SendOutcome.ofHttpStatus(429, "").kind()).isEqualTo(SendOutcome.Kind.RETRY);
        assertThat(SendOutcome.ofHttpStatus(400, "bad").kind()).isEqualTo(SendOutcome.Kind.REFUSED);
    }

    private static Delivery delivery(List<DeliveryItem> items) {
        return new Delivery("d", "s", Channel.WEBHOOK, "k", "dept-16", false, items.size() > 1, items,
                DeliveryStatus.PENDING, 0, Instant.EPOCH, Instant.EPOCH, null, null, null);
    }
}
