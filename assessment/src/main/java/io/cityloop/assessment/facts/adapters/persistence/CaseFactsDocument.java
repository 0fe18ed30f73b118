package io.cityloop.assessment.facts.adapters.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** One case's facts, written with optimistic locking so concurrent consumers never lose an update. */
@Document(CaseFactsDocument.COLLECTION)
public class CaseFactsDocument {

    public static final String COLLECTION = "case_facts";

    @Id
    private String caseId;
    @Version
    private Long version;
    private String districtCode;
    private String categoryCode;
    private String source;
    private Instant reportedAt;
    private Instant filedAt;
    private Instant rejectedAt;
    private Instant closedAt;
    private List<TaskFactsDocument> tasks = new ArrayList<>();
    private List<String> appliedEventIds = new ArrayList<>();

    public String getCaseId() {
        return caseId;
    }

    public void setCaseId(String caseId) {
        this.caseId = caseId;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public String getDistrictCode() {
        return districtCode;
    }

    public void setDistrictCode(String districtCode) {
        this.districtCode = districtCode;
    }

    public String getCategoryCode() {
        return categoryCode;
    }

    public void setCategoryCode(String categoryCode) {
        this.categoryCode = categoryCode;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public Instant getReportedAt() {
        return reportedAt;
    }

    public void setReportedAt(Instant reportedAt) {
        this.reportedAt = reportedAt;
    }

    public Instant getFiledAt() {
        return filedAt;
    }

    public void setFiledAt(Instant filedAt) {
        this.filedAt = filedAt;
    }

    public Instant getRejectedAt() {
        return rejectedAt;
    }

    public void setRejectedAt(Instant rejectedAt) {
        this.rejectedAt = rejectedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public void setClosedAt(Instant closedAt) {
        this.closedAt = closedAt;
    }

    public List<TaskFactsDocument> getTasks() {
        return tasks;
    }

    public void setTasks(List<TaskFactsDocument> tasks) {
        this.tasks = tasks;
    }

    public List<String> getAppliedEventIds() {
        return appliedEventIds;
    }

    public void setAppliedEventIds(List<String> appliedEventIds) {
        this.appliedEventIds = appliedEventIds;
    }
}
