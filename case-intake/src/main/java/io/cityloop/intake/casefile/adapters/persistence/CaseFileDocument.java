package io.cityloop.intake.casefile.adapters.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.geo.GeoJsonPoint;
import org.springframework.data.mongodb.core.mapping.Document;

import io.cityloop.intake.casefile.model.CaseCategory;
import io.cityloop.intake.casefile.model.CaseLocation;
import io.cityloop.intake.casefile.model.CaseStatus;
import io.cityloop.intake.casefile.model.Participant;
import io.cityloop.intake.casefile.model.PhotoRef;
import io.cityloop.intake.casefile.model.ReportOrigin;
import io.cityloop.intake.casefile.model.ReportSource;
import io.cityloop.intake.casefile.model.TaskAssignment;
import io.cityloop.intake.casefile.model.TimelineEntry;
import io.cityloop.intake.casefile.model.Verification;
import io.cityloop.platform.outbox.OutboxEntry;

/**
 * A case as stored, with the events it caused that the relay has not yet published ({@code outbox}). Three fields
 * exist only for indexed queries: {@code position} (GeoJSON, for a 2dsphere index on a real MongoDB),
 * {@code priority} (the filing queue's order) and {@code stageDueBy} (the overdue filter).
 */
@Document(CaseFileDocument.COLLECTION)
public record CaseFileDocument(
        @Id String id,
        CaseStatus status,
        CaseCategory category,
        String description,
        CaseLocation location,
        ReportSource source,
        ReportOrigin origin,
        Participant reporter,
        String idempotencyKey,
        String requestFingerprint,
        Instant reportedAt,
        Instant filingDueBy,
        Instant filingDecidedAt,
        Boolean filingOnTime,
        List<String> probableDuplicates,
        String masterCaseId,
        List<Participant> coReporters,
        TaskAssignment currentTask,
        Verification verification,
        int reworkCount,
        List<PhotoRef> photos,
        long eventCount,
        List<TimelineEntry> timeline,
        List<String> appliedEventIds,
        GeoJsonPoint position,
        int priority,
        Instant stageDueBy,
        List<OutboxEntry> outbox,
        @Version Long version) {

    public static final String COLLECTION = "cases";
}
