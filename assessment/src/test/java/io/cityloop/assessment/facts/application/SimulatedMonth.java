package io.cityloop.assessment.facts.application;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.cityloop.events.Actor;
import io.cityloop.events.CaseClosed;
import io.cityloop.events.CaseConfirmed;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseEventData;
import io.cityloop.events.CaseFiled;
import io.cityloop.events.CaseMerged;
import io.cityloop.events.CaseReported;
import io.cityloop.events.CaseVerified;
import io.cityloop.events.ConfirmationRequested;
import io.cityloop.events.ExtensionDecided;
import io.cityloop.events.GeoPoint;
import io.cityloop.events.Producers;
import io.cityloop.events.ReturnReviewed;
import io.cityloop.events.ReworkDispatched;
import io.cityloop.events.ReworkRequired;
import io.cityloop.events.TaskAccepted;
import io.cityloop.events.TaskDispatched;
import io.cityloop.events.TaskEscalated;
import io.cityloop.events.TaskHandled;
import io.cityloop.events.TaskResumed;
import io.cityloop.events.TaskReturned;
import io.cityloop.events.TaskSuspended;
import io.cityloop.events.TimeLimit;
import io.cityloop.events.VerificationRequested;

/**
 * A small simulated November 2026 in 秦都区 as the two axes publish it: handled on time, reworked, returned and
 * re-dispatched, extended, suspended, escalated, and a duplicate merged into its master.
 */
public final class SimulatedMonth {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Actor INSPECTOR = new Actor("inspector", "inspector");
    private static final Actor OPERATOR = new Actor("operator-01", "operator");
    private static final Actor DISPATCHER = new Actor("dispatcher-01", "dispatcher");
    private static final Actor HANDLER = new Actor("handler", "department");

    private SimulatedMonth() {
    }

    /** Every case's events in the order each aggregate published them. */
    public static List<List<CaseEvent>> casesOf(String prefix) {
        List<List<CaseEvent>> cases = new ArrayList<>();
        cases.add(handledOnTime(prefix + "-1", "district-610402"));
        cases.add(reworked(prefix + "-2"));
        cases.add(returnedAndRedispatched(prefix + "-3"));
        cases.add(extendedAndSuspended(prefix + "-4"));
        cases.add(handledOnTime(prefix + "-5", "dept-16"));
        cases.add(duplicate(prefix + "-6", prefix + "-5"));
        return cases;
    }

    private static List<CaseEvent> handledOnTime(String caseId, String unit) {
        String task = caseId + "-T1";
        List<CaseEvent> events = new ArrayList<>(intake(caseId, "2026-11-02T09:00"));
        events.add(dispatch(task, 1, "2026-11-02T09:20", dispatched(caseId, task, unit, "2026-11-03T09:20")));
        events.add(dispatch(task, 2, "2026-11-02T09:40", new TaskAccepted(caseId, task, unit, HANDLER)));
        events.add(dispatch(task, 3, "2026-11-02T15:00", new TaskHandled(caseId, task, unit, "已处置", "p",
                at("2026-11-03T09:20"), true, HANDLER)));
        events.add(intake(caseId, 3, "2026-11-02T15:05", new VerificationRequested(caseId, task, "inspector",
                "6104020010010001", at("2026-11-02T16:05"), Actor.system("case-intake"))));
        events.add(intake(caseId, 4, "2026-11-02T15:40", new CaseVerified(caseId, task, "PASS", "ok", INSPECTOR)));
        events.add(intake(caseId, 5, "2026-11-02T15:45", new CaseClosed(caseId, task, OPERATOR)));
        return events;
    }

    private static List<CaseEvent> reworked(String caseId) {
        String task = caseId + "-T1";
        String unit = "district-610402";
        List<CaseEvent> events = new ArrayList<>(intake(caseId, "2026-11-03T09:00"));
        events.add(dispatch(task, 1, "2026-11-03T09:20", dispatched(caseId, task, unit, "2026-11-04T09:20")));
        events.add(dispatch(task, 2, "2026-11-03T11:00", new TaskHandled(caseId, task, unit, "已清运", "p",
                at("2026-11-04T09:20"), true, HANDLER)));
        events.add(intake(caseId, 3, "2026-11-03T15:00", new ReworkRequired(caseId, task, unit, "仍有残留",
                INSPECTOR)));
        events.add(dispatch(task, 3, "2026-11-03T15:10", new ReworkDispatched(caseId, task, unit,
                at("2026-11-04T15:10"), 1, DISPATCHER)));
        events.add(dispatch(task, 4, "2026-11-05T10:00", new TaskHandled(caseId, task, unit, "已清理", "p",
                at("2026-11-04T15:10"), false, HANDLER)));
        events.add(dispatch(task, 5, "2026-11-05T10:30", new TaskEscalated(caseId, task, unit, 1, "超期",
                Actor.system("deadline-watch"))));
        return events;
    }

    private static List<CaseEvent> returnedAndRedispatched(String caseId) {
        String first = caseId + "-T1";
        String second = caseId + "-T2";
        List<CaseEvent> events = new ArrayList<>(intake(caseId, "2026-11-09T09:00"));
        events.add(dispatch(first, 1, "2026-11-09T09:20", dispatched(caseId, first, "dept-01", "2026-11-10T09:20")));
        events.add(dispatch(first, 2, "2026-11-09T10:00", new TaskReturned(caseId, first, "dept-01", "非本单位职责",
                HANDLER)));
        events.add(dispatch(first, 3, "2026-11-09T10:10", new ReturnReviewed(caseId, first, "dept-01", true,
                "派遣错误", DISPATCHER)));
        events.add(dispatch(second, 1, "2026-11-09T10:20", dispatched(caseId, second, "dept-16",
                "2026-11-10T10:20")));
        events.add(dispatch(second, 2, "2026-11-09T16:00", new TaskHandled(caseId, second, "dept-16", "已修复", "p",
                at("2026-11-10T10:20"), true, HANDLER)));
        return events;
    }

    private static List<CaseEvent> extendedAndSuspended(String caseId) {
        String task = caseId + "-T1";
        String unit = "dept-09";
        List<CaseEvent> events = new ArrayList<>(intake(caseId, "2026-11-16T09:00"));
        events.add(dispatch(task, 1, "2026-11-16T09:20", dispatched(caseId, task, unit, "2026-11-17T09:20")));
        events.add(dispatch(task, 2, "2026-11-16T10:00", new TaskSuspended(caseId, task, unit, "等待配件", HANDLER)));
        events.add(dispatch(task, 3, "2026-11-18T10:00", new TaskResumed(caseId, task, unit, at("2026-11-19T10:00"),
                Actor.system("dispatch"))));
        events.add(dispatch(task, 4, "2026-11-19T14:30", new ExtensionDecided(caseId, task, unit, true,
                at("2026-11-20T14:30"), "需要协调", DISPATCHER)));
        events.add(dispatch(task, 5, "2026-11-20T11:00", new TaskHandled(caseId, task, unit, "已修剪", "p",
                at("2026-11-20T14:30"), true, HANDLER)));
        return events;
    }

    private static List<CaseEvent> duplicate(String caseId, String master) {
        List<CaseEvent> events = new ArrayList<>();
        events.add(intake(caseId, 1, "2026-11-02T09:05", reported(caseId, "HOTLINE")));
        events.add(intake(caseId, 2, "2026-11-02T09:08", new CaseMerged(caseId, master, "重复上报", OPERATOR)));
        return events;
    }

    private static List<CaseEvent> intake(String caseId, String reportedAt) {
        Instant reported = at(reportedAt);
        return List.of(
                CaseEvent.of(Producers.CASE_INTAKE, caseId, 1, reported, reported(caseId, "INSPECTOR")),
                CaseEvent.of(Producers.CASE_INTAKE, caseId, 2, reported.plusSeconds(600), new CaseFiled(caseId,
                        "02-01-01", "610402", "6104020010010001", "予以立案", OPERATOR)));
    }

    private static CaseReported reported(String caseId, String source) {
        return new CaseReported(caseId, source, "02-01-01", "人民路垃圾堆放", new GeoPoint(108.70, 34.34),
                "秦都区人民路", "610402", "6104020010010001", "2026.1", INSPECTOR);
    }

    /**
     * A hotline report of 暴露垃圾 in cell 6104020050030184 sent by the operator to the inspector for 核实 and confirmed
     * in time, then filed. Not among {@link #casesOf}, whose numbers are computed by hand without it.
     */
    public static List<CaseEvent> confirmedReport(String caseId) {
        String cell = "6104020050030184";
        return List.of(
                intake(caseId, 1, "2026-11-23T09:00", new CaseReported(caseId, "HOTLINE", "02-01-01",
                        "12345热线：世纪大道人行道暴露垃圾约2平方米", new GeoPoint(108.705, 34.338), "秦都区世纪大道",
                        "610402", cell, "2026.1", OPERATOR)),
                intake(caseId, 2, "2026-11-23T09:14", new ConfirmationRequested(caseId, "inspector", cell,
                        at("2026-11-23T09:44"), true, OPERATOR)),
                intake(caseId, 3, "2026-11-23T09:35", new CaseConfirmed(caseId, "CONFIRMED",
                        "现场属实：人行道暴露垃圾约2平方米", true, INSPECTOR)),
                intake(caseId, 4, "2026-11-23T09:50", new CaseFiled(caseId, "02-01-01", "610402", cell,
                        "核实属实，予以立案", OPERATOR)));
    }

    private static TaskDispatched dispatched(String caseId, String task, String unit, String deadline) {
        return new TaskDispatched(caseId, task, unit, unit, "02-01-01", "610402", "6104020010010001", at(deadline),
                new TimeLimit(1, "WORKING_DAYS"), DISPATCHER);
    }

    private static CaseEvent intake(String caseId, long sequence, String at, CaseEventData data) {
        return CaseEvent.of(Producers.CASE_INTAKE, caseId, sequence, at(at), data);
    }

    private static CaseEvent dispatch(String taskId, long sequence, String at, CaseEventData data) {
        return CaseEvent.of(Producers.DISPATCH, taskId, sequence, at(at), data);
    }

    public static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }
}
