package io.cityloop.assessment.facts.adapters.persistence;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import io.cityloop.assessment.facts.model.CaseFacts;
import io.cityloop.assessment.facts.model.Confirmation;
import io.cityloop.assessment.facts.model.TaskFacts;
import io.cityloop.assessment.facts.model.TaskStep;

/** Domain facts ↔ stored documents; the version and the month index are the store's business, not the domain's. */
@Mapper
interface CaseFactsMapper {

    @Mapping(target = "noted", ignore = true)
    CaseFacts toFacts(CaseFactsDocument document);

    @Mapping(target = "version", source = "version")
    @Mapping(target = "countsIn", ignore = true)
    @Mapping(target = "openFrom", ignore = true)
    CaseFactsDocument toDocument(CaseFacts facts, Long version);

    TaskFacts toFacts(TaskFactsDocument document);

    TaskFactsDocument toDocument(TaskFacts task);

    TaskStep toStep(TaskStepDocument document);

    Confirmation toConfirmation(ConfirmationDocument document);

    ConfirmationDocument toDocument(Confirmation confirmation);

    TaskStepDocument toDocument(TaskStep step);
}
