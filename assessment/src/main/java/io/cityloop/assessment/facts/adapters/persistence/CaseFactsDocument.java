package io.cityloop.assessment.facts.adapters.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One case's facts, written with optimistic locking so concurrent consumers never lose an update. {@code countsIn}
 * lists the months (yyyy-MM) whose scorecards may count the case; it is indexed and derived on every save.
 */
@Document(CaseFactsDocument.COLLECTION)
public class CaseFactsDocument {

    public static final String COLLECTION = "case_facts";

    @Id
    private String caseId;
    @Version
    private Long version;
    private String districtCode;
    private String gridCode;
    private String categoryCode;
    private String source;
    private String reporter;
    private Instant reportedAt;
    private Instant filedAt;
    private String filedBy;
    private String filedByRole;
    private Instant rejectedAt;
    private String rejectedBy;
    private Instant cancelledAt;
    private String mergedInto;
    private Instant mergeDecidedAt;
    private String mergedBy;
    private Instant closedAt;
    private ConfirmationDocument confirmation;
    private List<TaskFactsDocument> tasks = new ArrayList<>();
    private List<String> appliedEventIds = new ArrayList<>();
    private List<String> countsIn = new ArrayList<>();
    private String openFrom;

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

    public String getGridCode() {
        return gridCode;
    }

    public void setGridCode(String gridCode) {
        this.gridCode = gridCode;
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

    public String getReporter() {
        return reporter;
    }

    public void setReporter(String reporter) {
        this.reporter = reporter;
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

    public String getFiledBy() {
        return filedBy;
    }

    public void setFiledBy(String filedBy) {
        this.filedBy = filedBy;
    }

    public Instant getRejectedAt() {
        return rejectedAt;
    }

    public void setRejectedAt(Instant rejectedAt) {
        this.rejectedAt = rejectedAt;
    }

    public String getRejectedBy() {
        return rejectedBy;
    }

    public void setRejectedBy(String rejectedBy) {
        this.rejectedBy = rejectedBy;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public void setCancelledAt(Instant cancelledAt) {
        this.cancelledAt = cancelledAt;
    }

    public String getMergedInto() {
        return mergedInto;
    }

    public void setMergedInto(String mergedInto) {
        this.mergedInto = mergedInto;
    }

    public Instant getMergeDecidedAt() {
        return mergeDecidedAt;
    }

    public void setMergeDecidedAt(Instant mergeDecidedAt) {
        this.mergeDecidedAt = mergeDecidedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public void setClosedAt(Instant closedAt) {
        this.closedAt = closedAt;
    }

    public ConfirmationDocument getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(ConfirmationDocument confirmation) {
        this.confirmation = confirmation;
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

    public List<String> getCountsIn() {
        return countsIn;
    }

    public void setCountsIn(List<String> countsIn) {
        this.countsIn = countsIn;
    }

    public String getFiledByRole() {
        return filedByRole;
    }

    public void setFiledByRole(String filedByRole) {
        this.filedByRole = filedByRole;
    }

    public String getMergedBy() {
        return mergedBy;
    }

    public void setMergedBy(String mergedBy) {
        this.mergedBy = mergedBy;
    }

    /** The earliest deadline month of a task still open (see {@code CaseFacts#openFrom}); indexed, derived on save. */
    public String getOpenFrom() {
        return openFrom;
    }

    public void setOpenFrom(String openFrom) {
        this.openFrom = openFrom;
    }
}
