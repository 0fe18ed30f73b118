package io.cityloop.assessment.facts.application;

import java.time.YearMonth;
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

    /**
     * Applies the changes in their order, with the same outcome as {@link #update} called for each in turn; a store
     * may read and write the cases they touch together.
     *
     * @return for each change, whether it changed anything
     */
    default boolean[] updateAll(List<CaseChange> changes) {
        boolean[] applied = new boolean[changes.size()];
        for (int i = 0; i < changes.size(); i++) {
            applied[i] = update(changes.get(i).caseId(), changes.get(i).change());
        }
        return applied;
    }

    Optional<CaseFacts> find(String caseId);

    /**
     * Cases whose scorecards of {@code month} may count them (see {@link CaseFacts#countsIn}), and those with a task
     * still open whose deadline fell in an earlier month (see {@link CaseFacts#openFrom}): the backlog a scheme may
     * carry.
     */
    List<CaseFacts> countingIn(YearMonth month);

    /** Every case, ordered by id (for rebuild checks). */
    List<CaseFacts> all();

    /** Drops the projection, before a rebuild from the topic. */
    void dropAll();

    /** A change of one case's facts, as {@link #update} takes it. */
    record CaseChange(String caseId, UnaryOperator<CaseFacts> change) {
    }
}
