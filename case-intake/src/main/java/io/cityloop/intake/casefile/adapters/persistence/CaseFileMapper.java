package io.cityloop.intake.casefile.adapters.persistence;

import java.time.Instant;
import java.util.List;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.springframework.data.mongodb.core.geo.GeoJsonPoint;

import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.CaseSnapshot;
import io.cityloop.platform.outbox.OutboxEntry;

/** Case snapshot ↔ stored document; the outbox and the query-only fields are the store's business. */
@Mapper
interface CaseFileMapper {

    CaseSnapshot toSnapshot(CaseFileDocument document);

    @Mapping(target = "position", expression = "java(position(snapshot))")
    @Mapping(target = "priority", expression = "java(snapshot.report().category().priority())")
    CaseFileDocument toDocument(CaseSnapshot snapshot, List<OutboxEntry> outbox, Instant stageDueBy);

    default CaseFileDocument toDocument(CaseFile file, List<OutboxEntry> outbox) {
        return toDocument(file.snapshot(), outbox, file.stageDueBy());
    }

    default GeoJsonPoint position(CaseSnapshot snapshot) {
        return new GeoJsonPoint(snapshot.report().location().lon(), snapshot.report().location().lat());
    }
}
