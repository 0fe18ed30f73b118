package io.cityloop.assessment.facts.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

/** Builds case facts by replaying the events a real case goes through, with times in Asia/Shanghai. */
public final class CaseFactsFixture {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private CaseFacts facts;
    private final String taskId;
    private String unitId = "district-610402";

    private CaseFactsFixture(String caseId) {
        this.facts = CaseFacts.firstSeen(caseId);
        this.taskId = caseId + "-T1";
    }

    public static CaseFactsFixture aCase(String caseId) {
        return new CaseFactsFixture(caseId);
    }

    public static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    public CaseFactsFixture reportedIn(String district, String at) {
        facts = facts.reported(id(), at(at), district, "02-01-01", "INSPECTOR");
        return this;
    }

    public CaseFactsFixture filed(String at) {
        facts = facts.filed(id(), at(at), facts.districtCode(), facts.categoryCode());
        return this;
    }

    public CaseFactsFixture dispatchedTo(String unit, String at, String deadline) {
        unitId = unit;
        facts = facts.dispatched(id(), new TaskAssignment(taskId, unit, "秦都区", facts.districtCode(), at(at),
                at(deadline)));
        return this;
    }

    public CaseFactsFixture handled(String at, boolean onTime) {
        facts = facts.handled(id(), taskId, unitId, at(at), onTime, null);
        return this;
    }

    public CaseFactsFixture reworkRequired(String at) {
        facts = facts.reworkRequired(id(), taskId, unitId, at(at));
        return this;
    }

    public CaseFactsFixture reworkDispatched(String at, String deadline) {
        facts = facts.reworkDispatched(id(), taskId, unitId, at(at), at(deadline));
        return this;
    }

    public CaseFactsFixture closed(String at) {
        facts = facts.verified(id(), taskId, at(at));
        facts = facts.closed(id(), at(at));
        return this;
    }

    public CaseFacts facts() {
        return facts;
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
