package io.cityloop.intake.casefile.adapters.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import io.cityloop.intake.casefile.model.CaseCategory;
import io.cityloop.intake.casefile.model.CaseLocation;
import io.cityloop.intake.casefile.model.CaseStatus;
import io.cityloop.intake.casefile.model.Participant;
import io.cityloop.intake.casefile.model.ReportSource;
import io.cityloop.intake.casefile.model.TaskAssignment;
import io.cityloop.intake.casefile.model.TimelineEntry;
import io.cityloop.intake.casefile.model.Verification;
import io.cityloop.platform.outbox.OutboxEntry;

/** A case as stored, with the events it caused that the relay has not yet published ({@code outbox}). */
@Document(CaseFileDocument.COLLECTION)
public record CaseFileDocument(
        @Id String id,
        CaseStatus status,
        CaseCategory category,
        String description,
        CaseLocation location,
        ReportSource source,
        Participant reporter,
        String idempotencyKey,
        String requestFingerprint,
        Instant reportedAt,
        TaskAssignment currentTask,
        Verification verification,
        long eventCount,
        List<TimelineEntry> timeline,
        List<String> appliedEventIds,
        List<OutboxEntry> outbox,
        @Version Long version) {

    public static final String COLLECTION = "cases";
}
