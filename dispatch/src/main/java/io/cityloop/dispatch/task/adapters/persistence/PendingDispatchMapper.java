package io.cityloop.dispatch.task.adapters.persistence;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import io.cityloop.dispatch.task.model.PendingDispatch;

/** Parked case ↔ stored document. */
@Mapper
interface PendingDispatchMapper {

    PendingDispatch toDomain(PendingDispatchDocument document);

    @Mapping(target = "withVersion", ignore = true)
    PendingDispatchDocument toDocument(PendingDispatch pending);
}
