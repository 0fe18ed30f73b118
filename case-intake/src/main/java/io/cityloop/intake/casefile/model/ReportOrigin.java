package io.cityloop.intake.casefile.model;

/**
 * Channel details of a report: the device of a sensor or video AI alarm and its reading, or the caller a hotline
 * operator reports for. All optional.
 */
public record ReportOrigin(String deviceId, Double reading, String callerName, String callerPhone) {

    public static final ReportOrigin NONE = new ReportOrigin(null, null, null, null);
}
