package io.cityloop.dispatch.task.adapters.persistence;

import java.util.List;

import org.mapstruct.Mapper;

import io.cityloop.dispatch.task.model.TaskSnapshot;
import io.cityloop.platform.outbox.OutboxEntry;

/** Task snapshot ↔ stored document, group for group; the outbox is the store's business, not the domain's. */
@Mapper
interface TaskDocumentMapper {

    TaskSnapshot toSnapshot(TaskDocument document);

    TaskDocument toDocument(TaskSnapshot snapshot, List<OutboxEntry> outbox);
}
