package io.cityloop.platform.http;

import java.io.IOException;

/** A request body went past {@code cityloop.http.max-body} while it was read; answered 413 by the problem advice. */
public class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** Whether {@code e} or one of its causes is a body that went past the limit. */
    public static BodyTooLargeException in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
