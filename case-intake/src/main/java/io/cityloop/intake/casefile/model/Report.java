package io.cityloop.intake.casefile.model;

/**
 * 采集: what was reported and where, and through which channel. Set once, when the case is reported.
 *
 * @param origin the channel's details (device, caller); {@link ReportOrigin#NONE} when it has none
 */
public record Report(CaseCategory category, String description, CaseLocation location, ReportSource source,
                     ReportOrigin origin) {

    public Report {
        origin = origin == null ? ReportOrigin.NONE : origin;
    }
}
