package io.cityloop.assessment.facts.adapters.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import io.cityloop.assessment.facts.application.CaseFactsStore;
import io.cityloop.assessment.facts.model.CaseFacts;

/**
 * Load-modify-save under the document's {@code @Version}: a writer that lost the race (another consumer after a
 * rebalance, a replay running beside live traffic) reloads and re-applies its change, which is a no-op if the
 * winner already applied the same event.
 */
@Component
class MongoCaseFactsStore implements CaseFactsStore {

    static final int MAX_ATTEMPTS = 10;

    private final MongoTemplate mongo;
    private final CaseFactsMapper mapper;

    MongoCaseFactsStore(MongoTemplate mongo, CaseFactsMapper mapper) {
        this.mongo = mongo;
        this.mapper = mapper;
    }

    @Override
    public boolean update(String caseId, UnaryOperator<CaseFacts> change) {
        for (int attempt = 1; ; attempt++) {
            CaseFactsDocument stored = mongo.findById(caseId, CaseFactsDocument.class);
            CaseFacts before = stored == null ? CaseFacts.firstSeen(caseId) : mapper.toFacts(stored);
            CaseFacts after = change.apply(before);
            if (after == before) {
                return false;
            }
            try {
                mongo.save(mapper.toDocument(after, stored == null ? null : stored.getVersion()));
                return true;
            } catch (OptimisticLockingFailureException | DuplicateKeyException lostRace) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw lostRace;
                }
            }
        }
    }

    @Override
    public Optional<CaseFacts> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, CaseFactsDocument.class)).map(mapper::toFacts);
    }

    @Override
    public List<CaseFacts> withTaskDueBetween(Instant from, Instant to) {
        return find(Query.query(between(CaseFactsIndexes.TASK_DEADLINE, from, to)));
    }

    @Override
    public List<CaseFacts> activeBetween(Instant from, Instant to) {
        return find(Query.query(new Criteria().orOperator(
                between(CaseFactsIndexes.TASK_DEADLINE, from, to),
                between(CaseFactsIndexes.REPORTED_AT, from, to),
                between(CaseFactsIndexes.FILED_AT, from, to))));
    }

    private List<CaseFacts> find(Query query) {
        return mongo.find(query, CaseFactsDocument.class).stream().map(mapper::toFacts).toList();
    }

    private static Criteria between(String field, Instant from, Instant to) {
        return Criteria.where(field).gte(from).lt(to);
    }
}
