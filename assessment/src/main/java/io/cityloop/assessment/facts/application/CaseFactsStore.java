package io.cityloop.assessment.facts.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.cityloop.assessment.facts.model.CaseFacts;

/** Where case facts are kept. Implementations make {@link #update} safe against concurrent writers. */
public interface CaseFactsStore {

    /**
     * Applies {@code change} to the case's facts (a new case if none is stored yet) and stores the result.
     *
     * @return {@code false} when the change returned the facts unchanged (an event already applied)
     */
    boolean update(String caseId, UnaryOperator<CaseFacts> change);

    Optional<CaseFacts> find(String caseId);

    /** Cases with at least one task whose current deadline is in [from, to). */
    List<CaseFacts> withTaskDueBetween(Instant from, Instant to);

    /** Cases reported, filed or with a task due in [from, to). */
    List<CaseFacts> activeBetween(Instant from, Instant to);
}
