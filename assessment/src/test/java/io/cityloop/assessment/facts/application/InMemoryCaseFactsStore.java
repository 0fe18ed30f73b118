package io.cityloop.assessment.facts.application;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import io.cityloop.assessment.facts.model.CaseFacts;

/** The facts store in a map, for tests of the projection without MongoDB. */
public final class InMemoryCaseFactsStore implements CaseFactsStore {

    private final Map<String, CaseFacts> facts = new TreeMap<>();
    private final ZoneId zone;

    public InMemoryCaseFactsStore(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public synchronized boolean update(String caseId, UnaryOperator<CaseFacts> change) {
        CaseFacts before = facts.getOrDefault(caseId, CaseFacts.firstSeen(caseId));
        CaseFacts after = change.apply(before);
        facts.put(caseId, after);
        return after != before;
    }

    @Override
    public synchronized Optional<CaseFacts> find(String caseId) {
        return Optional.ofNullable(facts.get(caseId));
    }

    @Override
    public synchronized List<CaseFacts> countingIn(YearMonth month) {
        return facts.values().stream().filter(one -> one.countsIn(zone).contains(month.toString())
                || one.openFrom(zone) != null && one.openFrom(zone).compareTo(month.toString()) < 0).toList();
    }

    @Override
    public synchronized List<CaseFacts> all() {
        return List.copyOf(facts.values());
    }

    @Override
    public synchronized void dropAll() {
        facts.clear();
    }
}
