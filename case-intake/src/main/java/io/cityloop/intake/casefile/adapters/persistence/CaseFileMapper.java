package io.cityloop.intake.casefile.adapters.persistence;

import java.util.List;

import org.mapstruct.Mapper;

import io.cityloop.intake.casefile.model.CaseSnapshot;
import io.cityloop.platform.outbox.OutboxEntry;

/** Case snapshot ↔ stored document; the outbox is the store's business, not the domain's. */
@Mapper
interface CaseFileMapper {

    CaseSnapshot toSnapshot(CaseFileDocument document);

    CaseFileDocument toDocument(CaseSnapshot snapshot, List<OutboxEntry> outbox);
}
