package io.cityloop.notification.delivery.application;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code cityloop.delivery.*}: how deliveries are scheduled, retried and guarded (notification/README.md). */
@ConfigurationProperties("cityloop.delivery")
public class DeliveryProperties {

    /** Robot and webhook URLs must be https; off only for tests and a local receiver. */
    private boolean requireHttps = true;
    /** How often the worker looks for due deliveries. */
    private Duration pollInterval = Duration.ofMillis(250);
    /** Due deliveries read per poll. */
    private int batchSize = 50;
    /** How long an attempt owns its delivery; after a crash it is tried again once this has passed. */
    private Duration lease = Duration.ofSeconds(60);
    /** How long a delivery waits while its breaker is open, or its bulkhead full, before it is looked at again. */
    private Duration breakerOpenDelay = Duration.ofSeconds(2);
    private Duration bulkheadFullDelay = Duration.ofMillis(500);
    private final Retry retry = new Retry();
    private final Http http = new Http();
    private final Breaker channelBreaker = new Breaker(50, 20, 10, Duration.ofSeconds(30), 3);
    private final Breaker endpointBreaker = new Breaker(50, 10, 5, Duration.ofSeconds(10), 2);
    /** Attempts in flight per channel (and threads of the sender pool per channel) and per endpoint. */
    private int channelConcurrency = 8;
    private int endpointConcurrency = 2;
    private final Sms sms = new Sms();
    private final Email email = new Email();

    public static class Retry {
        private int maxAttempts = 8;
        private Duration baseDelay = Duration.ofSeconds(2);
        private Duration maxDelay = Duration.ofMinutes(10);

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getBaseDelay() {
            return baseDelay;
        }

        public void setBaseDelay(Duration baseDelay) {
            this.baseDelay = baseDelay;
        }

        public Duration getMaxDelay() {
            return maxDelay;
        }

        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }
    }

    public static class Http {
        private Duration connectTimeout = Duration.ofSeconds(3);
        private Duration requestTimeout = Duration.ofSeconds(10);

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getRequestTimeout() {
            return requestTimeout;
        }

        public void setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
        }
    }

    public static class Breaker {
        private float failureRateThreshold;
        private int slidingWindowSize;
        private int minimumNumberOfCalls;
        private Duration waitInOpenState;
        private int permittedCallsInHalfOpenState;

        Breaker(float failureRateThreshold, int slidingWindowSize, int minimumNumberOfCalls,
                Duration waitInOpenState, int permittedCallsInHalfOpenState) {
            this.failureRateThreshold = failureRateThreshold;
            this.slidingWindowSize = slidingWindowSize;
            this.minimumNumberOfCalls = minimumNumberOfCalls;
            this.waitInOpenState = waitInOpenState;
            this.permittedCallsInHalfOpenState = permittedCallsInHalfOpenState;
        }

        public float getFailureRateThreshold() {
            return failureRateThreshold;
        }

        public void setFailureRateThreshold(float failureRateThreshold) {
            this.failureRateThreshold = failureRateThreshold;
        }

        public int getSlidingWindowSize() {
            return slidingWindowSize;
        }

        public void setSlidingWindowSize(int slidingWindowSize) {
            this.slidingWindowSize = slidingWindowSize;
        }

        public int getMinimumNumberOfCalls() {
            return minimumNumberOfCalls;
        }

        public void setMinimumNumberOfCalls(int minimumNumberOfCalls) {
            this.minimumNumberOfCalls = minimumNumberOfCalls;
        }

        public Duration getWaitInOpenState() {
            return waitInOpenState;
        }

        public void setWaitInOpenState(Duration waitInOpenState) {
            this.waitInOpenState = waitInOpenState;
        }

        public int getPermittedCallsInHalfOpenState() {
            return permittedCallsInHalfOpenState;
        }

        public void setPermittedCallsInHalfOpenState(int permittedCallsInHalfOpenState) {
            this.permittedCallsInHalfOpenState = permittedCallsInHalfOpenState;
        }
    }

    public static class Sms {
        /** {@code fake} (writes what it would send to a file and the log) or {@code aliyun}. */
        private String provider = "fake";
        private String fakeFile = "sms-outbox.jsonl";
        private final Aliyun aliyun = new Aliyun();

        public String getProvider() {
            return provider;
        }

        public void setProvider(String provider) {
            this.provider = provider;
        }

        public String getFakeFile() {
            return fakeFile;
        }

        public void setFakeFile(String fakeFile) {
            this.fakeFile = fakeFile;
        }

        public Aliyun getAliyun() {
            return aliyun;
        }
    }

    public static class Aliyun {
        private String endpoint = "https://dysmsapi.aliyuncs.com/";
        private String regionId = "cn-hangzhou";
        private String accessKeyId = "";
        private String accessKeySecret = "";
        private String signName = "";
        /** Template code per notification kind (DISPATCHED, REWORK, DEADLINE_WARNING, OVERDUE, ESCALATED, DIGEST). */
        private Map<String, String> templates = new LinkedHashMap<>();

        public String getEndpoint() {
            return endpoint;
        }

        public void setEndpoint(String endpoint) {
            this.endpoint = endpoint;
        }

        public String getRegionId() {
            return regionId;
        }

        public void setRegionId(String regionId) {
            this.regionId = regionId;
        }

        public String getAccessKeyId() {
            return accessKeyId;
        }

        public void setAccessKeyId(String accessKeyId) {
            this.accessKeyId = accessKeyId;
        }

        public String getAccessKeySecret() {
            return accessKeySecret;
        }

        public void setAccessKeySecret(String accessKeySecret) {
            this.accessKeySecret = accessKeySecret;
        }

        public String getSignName() {
            return signName;
        }

        public void setSignName(String signName) {
            this.signName = signName;
        }

        public Map<String, String> getTemplates() {
            return templates;
        }

        public void setTemplates(Map<String, String> templates) {
            this.templates = templates;
        }
    }

    public static class Email {
        private String from = "cityloop@localhost";

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }
    }

    public boolean isRequireHttps() {
        return requireHttps;
    }

    public void setRequireHttps(boolean requireHttps) {
        this.requireHttps = requireHttps;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public Duration getLease() {
        return lease;
    }

    public void setLease(Duration lease) {
        this.lease = lease;
    }

    public Duration getBreakerOpenDelay() {
        return breakerOpenDelay;
    }

    public void setBreakerOpenDelay(Duration breakerOpenDelay) {
        this.breakerOpenDelay = breakerOpenDelay;
    }

    public Duration getBulkheadFullDelay() {
        return bulkheadFullDelay;
    }

    public void setBulkheadFullDelay(Duration bulkheadFullDelay) {
        this.bulkheadFullDelay = bulkheadFullDelay;
    }

    public Retry getRetry() {
        return retry;
    }

    public Http getHttp() {
        return http;
    }

    public Breaker getChannelBreaker() {
        return channelBreaker;
    }

    public Breaker getEndpointBreaker() {
        return endpointBreaker;
    }

    public int getChannelConcurrency() {
        return channelConcurrency;
    }

    public void setChannelConcurrency(int channelConcurrency) {
        this.channelConcurrency = channelConcurrency;
    }

    public int getEndpointConcurrency() {
        return endpointConcurrency;
    }

    public void setEndpointConcurrency(int endpointConcurrency) {
        this.endpointConcurrency = endpointConcurrency;
    }

    public Sms getSms() {
        return sms;
    }

    public Email getEmail() {
        return email;
    }
}
