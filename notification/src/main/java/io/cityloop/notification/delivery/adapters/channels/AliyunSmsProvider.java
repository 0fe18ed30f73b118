package io.cityloop.notification.delivery.adapters.channels;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import io.cityloop.notification.delivery.application.DeliveryProperties;
import io.cityloop.notification.delivery.model.SendOutcome;
import io.cityloop.notification.delivery.model.Signatures;
import tools.jackson.databind.JsonNode;

/**
 * 阿里云短信服务 (Dysmsapi 2017-05-25, {@code SendSms}) over its RPC API: a form POST of the common parameters
 * (AccessKeyId, Action, Format, RegionId, SignatureMethod HMAC-SHA1, SignatureNonce, SignatureVersion 1.0,
 * Timestamp, Version) and SendSms's own (PhoneNumbers, SignName, TemplateCode, TemplateParam as JSON, OutId), signed
 * with signature V1: Base64 HMAC-SHA1, keyed by {@code AccessKeySecret + "&"}, of
 * {@code POST&%2F&} + the percent-encoded canonical query. It answers JSON with {@code Code}: {@code OK} is delivered;
 * throttling ({@code isv.BUSINESS_LIMIT_CONTROL}, {@code Throttling*}) and {@code isp.*} errors are retried; other
 * {@code isv.*} codes (an unknown template, an illegal number) are refused.
 */
class AliyunSmsProvider implements SmsProvider {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Set<String> RETRIED = Set.of("isv.BUSINESS_LIMIT_CONTROL", "isv.DAY_LIMIT_CONTROL");

    private final HttpChannels http;
    private final DeliveryProperties.Aliyun settings;
    private final Clock wallClock = Clock.systemUTC();

    AliyunSmsProvider(HttpChannels http, DeliveryProperties.Aliyun settings) {
        this.http = http;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "aliyun";
    }

    @Override
    public SendOutcome send(String phone, String templateKind, Map<String, String> params, String text, String outId)
            throws Exception {
        String template = settings.getTemplates().get(templateKind);
        if (template == null || template.isBlank()) {
            return SendOutcome.refused("no Alibaba Cloud template code configured for " + templateKind);
        }
        Map<String, String> query = new TreeMap<>();
        query.put("AccessKeyId", settings.getAccessKeyId());
        query.put("Action", "SendSms");
        query.put("Format", "JSON");
        query.put("OutId", outId.length() > 64 ? outId.substring(outId.length() - 64) : outId);
        query.put("PhoneNumbers", phone);
        query.put("RegionId", settings.getRegionId());
        query.put("SignName", settings.getSignName());
        query.put("SignatureMethod", "HMAC-SHA1");
        query.put("SignatureNonce", UUID.randomUUID().toString());
        query.put("SignatureVersion", "1.0");
        query.put("TemplateCode", template);
        query.put("TemplateParam", HttpChannels.json(new TreeMap<>(params)));
        query.put("Timestamp", TIMESTAMP.format(wallClock.instant()));
        query.put("Version", "2017-05-25");
        String signature = Signatures.aliyun(settings.getAccessKeySecret(), stringToSign("POST", query));
        String body = canonical(query) + "&Signature=" + Signatures.aliyunEncode(signature);
        HttpResponse<String> response = http.post(settings.getEndpoint(), "application/x-www-form-urlencoded",
                body, Map.of());
        JsonNode answer = HttpChannels.parse(response.body());
        String code = answer.path("Code").asString("");
        String detail = "HTTP " + response.statusCode() + " Code " + code + " " + answer.path("Message").asString("")
                + (answer.hasNonNull("BizId") ? " BizId " + answer.path("BizId").asString("") : "");
        if (response.statusCode() == 200 && "OK".equals(code)) {
            return SendOutcome.sent(detail);
        }
        if (response.statusCode() >= 500 || response.statusCode() == 429 || RETRIED.contains(code)
                || code.startsWith("Throttling") || code.startsWith("isp.") || code.isEmpty()) {
            return SendOutcome.retry(detail);
        }
        return SendOutcome.refused(detail);
    }

    /** Signature V1's string to sign: method, the encoded "/", the encoded canonical query. */
    static String stringToSign(String method, Map<String, String> sortedQuery) {
        return method + "&" + Signatures.aliyunEncode("/") + "&" + Signatures.aliyunEncode(canonical(sortedQuery));
    }

    static String canonical(Map<String, String> sortedQuery) {
        return sortedQuery.entrySet().stream()
                .map(e -> Signatures.aliyunEncode(e.getKey()) + "=" + Signatures.aliyunEncode(e.getValue()))
                .collect(Collectors.joining("&"));
    }
}
