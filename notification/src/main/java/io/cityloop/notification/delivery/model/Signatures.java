package io.cityloop.notification.delivery.model;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The signatures receivers check: CityLoop's webhooks, DingTalk's robots and Alibaba Cloud's RPC API. */
public final class Signatures {

    private Signatures() {
    }

    /**
     * A CityLoop webhook: {@code sha256=} and the lower-case hex HMAC-SHA256, keyed by the subscription's secret, of
     * {@code timestamp + "." + body} (timestamp in epoch seconds as sent in {@code X-CityLoop-Timestamp}).
     */
    public static String webhook(String secret, String timestamp, String body) {
        return "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", secret, timestamp + "." + body));
    }

    /** DingTalk: Base64 of HMAC-SHA256 over {@code timestamp + "\n" + secret}, keyed by the secret; URL-encoded. */
    public static String dingTalk(String secret, long timestampMillis) {
        byte[] mac = hmac("HmacSHA256", secret, timestampMillis + "\n" + secret);
        return URLEncoder.encode(Base64.getEncoder().encodeToString(mac), StandardCharsets.UTF_8);
    }

    /** Alibaba Cloud RPC signature V1: Base64 of HMAC-SHA1 over the string to sign, keyed by {@code secret + "&"}. */
    public static String aliyun(String accessKeySecret, String stringToSign) {
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", accessKeySecret + "&", stringToSign));
    }

    /** Alibaba Cloud's percent-encoding: RFC 3986 unreserved characters stay, a space is %20, {@code ~} stays. */
    public static String aliyunEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    /** Constant-time comparison for receivers checking a signature. */
    public static boolean same(String a, String b) {
        return a != null && b != null && java.security.MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(String algorithm, String key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
