package io.cityloop.intake.casefile.adapters.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.geo.GeoJsonPoint;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

import io.cityloop.intake.casefile.model.CaseStatus;
import io.cityloop.intake.casefile.model.Filing;
import io.cityloop.intake.casefile.model.Handling;
import io.cityloop.intake.casefile.model.History;
import io.cityloop.intake.casefile.model.Report;
import io.cityloop.intake.casefile.model.Submission;
import io.cityloop.platform.outbox.OutboxEntry;

/**
 * A case as stored, with the events it caused that the relay has not yet published ({@code outbox}). The model's
 * records are unwrapped: their fields sit at the top of the document under the names they always had
 * ({@code reporter}, {@code category}, {@code filingDueBy}, {@code currentTask}, {@code timeline}…), so documents
 * written before the records existed read as they are, and the indexes and queries name the same fields. Three
 * fields exist only for indexed queries: {@code position} (GeoJSON, for a 2dsphere index on a real MongoDB),
 * {@code priority} (the filing queue's order) and {@code stageDueBy} (the overdue filter).
 */
@Document(CaseFileDocument.COLLECTION)
public record CaseFileDocument(
        @Id String id,
        CaseStatus status,
        @Unwrapped.Empty Submission submission,
        @Unwrapped.Empty Report report,
        @Unwrapped.Empty Filing filing,
        @Unwrapped.Empty Handling handling,
        @Unwrapped.Empty History history,
        GeoJsonPoint position,
        int priority,
        Instant stageDueBy,
        List<OutboxEntry> outbox,
        @Version Long version) {

    public static final String COLLECTION = "cases";
}
