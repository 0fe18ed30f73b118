package io.cityloop.dispatch.task.adapters.persistence;

import java.util.List;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import io.cityloop.dispatch.task.model.TaskHistoryEntry;
import io.cityloop.dispatch.task.model.TaskSnapshot;
import io.cityloop.platform.outbox.OutboxEntry;

/** Task snapshot ↔ stored document; the outbox is the store's business, not the domain's. */
@Mapper
interface TaskDocumentMapper {

    TaskSnapshot toSnapshot(TaskDocument document);

    @Mapping(target = "outbox", source = "outbox")
    @Mapping(target = "withVersion", ignore = true)
    TaskDocument toDocument(TaskSnapshot snapshot, List<OutboxEntry> outbox);

    TaskHistoryDocument toDocument(TaskHistoryEntry entry);

    TaskHistoryEntry toEntry(TaskHistoryDocument document);
}
