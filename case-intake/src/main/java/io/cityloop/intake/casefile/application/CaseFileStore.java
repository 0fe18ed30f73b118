package io.cityloop.intake.casefile.application;

import java.util.List;
import java.util.Optional;

import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.CaseStatus;

/** Where case files live. Saving a case also queues the events of its changes, in the same write. */
public interface CaseFileStore {

    Optional<CaseFile> find(String caseId);

    Optional<CaseFile> findReport(String reporterId, String idempotencyKey);

    /** Inserts a new case; throws {@link DuplicateReportException} if the reporter already used that key. */
    void insert(CaseFile file);

    /** Saves a changed case; fails on a concurrent change (optimistic locking). */
    void save(CaseFile file);

    List<CaseFile> findByStatus(CaseStatus status, int limit);

    /** 受理队列: reports awaiting the filing decision, most urgent first, then oldest. */
    List<CaseFile> filingQueue(int limit);

    List<CaseFile> search(CaseQuery query);

    long count(CaseQuery query);

    /**
     * One reporter's own cases (我的上报), newest first ({@code reportedAt}, then id), a page of {@code size} from
     * {@code page} (0-based).
     */
    List<CaseFile> reportedBy(String reporterId, int page, int size);

    long countReportedBy(String reporterId);

    /** Open verifications, oldest first; all of them when {@code assignee} is null. */
    List<CaseFile> openVerifications(String assignee, int limit);

    /** Cases waiting for 核实, soonest due first; of one inspector, or everyone's when {@code assignee} is null. */
    List<CaseFile> openConfirmations(String assignee, int limit);
}
