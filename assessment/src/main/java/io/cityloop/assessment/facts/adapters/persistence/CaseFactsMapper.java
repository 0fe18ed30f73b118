package io.cityloop.assessment.facts.adapters.persistence;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import io.cityloop.assessment.facts.model.CaseFacts;
import io.cityloop.assessment.facts.model.Handling;
import io.cityloop.assessment.facts.model.TaskFacts;

/** Domain facts ↔ stored documents; the version is the store's business, not the domain's. */
@Mapper
interface CaseFactsMapper {

    CaseFacts toFacts(CaseFactsDocument document);

    @Mapping(target = "version", source = "version")
    CaseFactsDocument toDocument(CaseFacts facts, Long version);

    TaskFacts toFacts(TaskFactsDocument document);

    TaskFactsDocument toDocument(TaskFacts task);

    Handling toHandling(HandlingDocument document);

    HandlingDocument toDocument(Handling handling);
}
