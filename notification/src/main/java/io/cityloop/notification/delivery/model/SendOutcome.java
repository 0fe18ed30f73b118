package io.cityloop.notification.delivery.model;

/**
 * What one attempt achieved. {@code RETRY} counts against the receiver's breaker and is retried with back-off;
 * {@code REFUSED} (e.g. 400, an invalid number) is dead-lettered at once; {@code GONE} (HTTP 410) also stops the
 * subscription.
 */
public record SendOutcome(Kind kind, String detail) {

    public enum Kind {
        SENT,
        RETRY,
        REFUSED,
        GONE
    }

    public static SendOutcome sent(String detail) {
        return new SendOutcome(Kind.SENT, detail);
    }

    public static SendOutcome retry(String detail) {
        return new SendOutcome(Kind.RETRY, detail);
    }

    public static SendOutcome refused(String detail) {
        return new SendOutcome(Kind.REFUSED, detail);
    }

    public static SendOutcome gone(String detail) {
        return new SendOutcome(Kind.GONE, detail);
    }

    /** How an HTTP receiver's status is read: 2xx sent, 410 gone, 408/425/429 and 5xx retried, other 4xx refused. */
    public static SendOutcome ofHttpStatus(int status, String body) {
        String detail = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body));
        if (status >= 200 && status < 300) {
            return sent(detail);
        }
        if (status == 410) {
            return gone(detail);
        }
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            return retry(detail);
        }
        return refused(detail);
    }

    static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }
}
