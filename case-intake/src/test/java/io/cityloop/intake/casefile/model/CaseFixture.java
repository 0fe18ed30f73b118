package io.cityloop.intake.casefile.model;

import java.time.Instant;

/** Cases brought to a stage by replaying the real transitions, never by forcing a status. */
public final class CaseFixture {

    public static final Instant MONDAY_0900 = Instant.parse("2026-11-23T01:00:00Z");
    /** Half a working hour after the report. */
    public static final Instant FILING_DUE = MONDAY_0900.plusSeconds(1800);
    public static final Participant SHIFT_LEAD = new Participant("shiftlead", "shift-lead");
    public static final Participant INSPECTOR = new Participant("inspector", "inspector");
    public static final Participant OPERATOR = new Participant("operator", "operator");
    public static final Participant QINDU = new Participant("district-610402", "department");
    public static final Participant ROUTING = Participant.system("auto-routing");
    public static final TaskAssignment TASK = new TaskAssignment("TCL20261123000001-01", "district-610402", "秦都区",
            Instant.parse("2026-11-24T01:00:00Z"));

    private CaseFixture() {
    }

    public static CaseFile reportedCase() {
        return reportedCase("CL20261123000001", INSPECTOR);
    }

    public static CaseFile reportedCase(String id, Participant reporter) {
        return reportedCase(id, reporter, ReportSource.INSPECTOR);
    }

    /** A hotline caller's report (12345), taken down by an operator. */
    public static CaseFile hotlineCase() {
        return reportedCase("CL20261123000009", OPERATOR, ReportSource.HOTLINE);
    }

    public static CaseFile reportedCase(String id, Participant reporter, ReportSource source) {
        return CaseFile.report(id,
                new Report(new CaseCategory("02-01-01", "暴露垃圾", "2026.1", "QUICK"),
                        "人民路与渭阳西路交叉口东南角暴露垃圾约2平方米",
                        new CaseLocation(108.7012, 34.3405, "秦都区人民路88号", "610402", "秦都区", "610402005",
                                "渭阳西路街道", "610402005003", "渭阳西路街道第3社区", "6104020050030184", "IA610402005"),
                        source, ReportOrigin.NONE),
                new Submission(reporter, MONDAY_0900, "2f1c7a9e-0001", "fingerprint"), FILING_DUE);
    }

    public static CaseFile filedCase() {
        CaseFile file = reportedCase();
        file.file(OPERATOR, "符合立案标准", MONDAY_0900.plusSeconds(600));
        return file;
    }

    public static CaseFile dispatchedCase() {
        CaseFile file = filedCase();
        file.recordDispatched("evt-dispatched", TASK, ROUTING, MONDAY_0900.plusSeconds(900));
        return file;
    }

    public static CaseFile acceptedCase() {
        CaseFile file = dispatchedCase();
        file.recordAccepted("evt-accepted", QINDU, MONDAY_0900.plusSeconds(1800));
        return file;
    }

    public static CaseFile verifyingCase() {
        CaseFile file = acceptedCase();
        file.recordHandled("evt-handled", QINDU, "已清运", MONDAY_0900.plusSeconds(7200), "inspector",
                MONDAY_0900.plusSeconds(7200 + 3600));
        return file;
    }

    public static CaseFile reworkCase() {
        CaseFile file = verifyingCase();
        file.fail(INSPECTOR, "现场仍有残留垃圾", MONDAY_0900.plusSeconds(9000));
        return file;
    }

    public static CaseFile closedCase() {
        CaseFile file = verifyingCase();
        file.pass(INSPECTOR, "现场已清理干净", MONDAY_0900.plusSeconds(9000));
        return file;
    }
}
