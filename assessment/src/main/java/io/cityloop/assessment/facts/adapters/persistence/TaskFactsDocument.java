package io.cityloop.assessment.facts.adapters.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A task embedded in its case's facts; {@code tasks.deadline} is indexed for the monthly query. */
public class TaskFactsDocument {

    private String taskId;
    private String unitId;
    private String unitName;
    private String districtCode;
    private Instant dispatchedAt;
    private Instant deadline;
    private Instant deadlineSetAt;
    private Instant acceptedAt;
    private List<HandlingDocument> handlings = new ArrayList<>();
    private List<Instant> reworks = new ArrayList<>();
    private Instant verifiedAt;

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public String getUnitId() {
        return unitId;
    }

    public void setUnitId(String unitId) {
        this.unitId = unitId;
    }

    public String getUnitName() {
        return unitName;
    }

    public void setUnitName(String unitName) {
        this.unitName = unitName;
    }

    public String getDistrictCode() {
        return districtCode;
    }

    public void setDistrictCode(String districtCode) {
        this.districtCode = districtCode;
    }

    public Instant getDispatchedAt() {
        return dispatchedAt;
    }

    public void setDispatchedAt(Instant dispatchedAt) {
        this.dispatchedAt = dispatchedAt;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public void setDeadline(Instant deadline) {
        this.deadline = deadline;
    }

    public Instant getDeadlineSetAt() {
        return deadlineSetAt;
    }

    public void setDeadlineSetAt(Instant deadlineSetAt) {
        this.deadlineSetAt = deadlineSetAt;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public void setAcceptedAt(Instant acceptedAt) {
        this.acceptedAt = acceptedAt;
    }

    public List<HandlingDocument> getHandlings() {
        return handlings;
    }

    public void setHandlings(List<HandlingDocument> handlings) {
        this.handlings = handlings;
    }

    public List<Instant> getReworks() {
        return reworks;
    }

    public void setReworks(List<Instant> reworks) {
        this.reworks = reworks;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }

    public void setVerifiedAt(Instant verifiedAt) {
        this.verifiedAt = verifiedAt;
    }
}
