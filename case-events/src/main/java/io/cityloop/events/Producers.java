package io.cityloop.events;

/** CloudEvents {@code source} values: the service that produced an event. */
public final class Producers {

    public static final String CASE_INTAKE = "/cityloop/case-intake";
    public static final String DISPATCH = "/cityloop/dispatch";
    public static final String ASSESSMENT = "/cityloop/assessment";

    private Producers() {
    }
}
