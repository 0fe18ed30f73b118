package io.cityloop.assessment.facts.adapters.persistence;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
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
    private final ZoneId zone;

    MongoCaseFactsStore(MongoTemplate mongo, CaseFactsMapper mapper, Clock clock) {
        this.mongo = mongo;
        this.mapper = mapper;
        this.zone = clock.getZone();
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
            CaseFactsDocument document = mapper.toDocument(after, stored == null ? null : stored.getVersion());
            document.setCountsIn(after.countsIn(zone));
            try {
                mongo.save(document);
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
    public List<CaseFacts> countingIn(YearMonth month) {
        return find(Query.query(Criteria.where(CaseFactsIndexes.COUNTS_IN).is(month.toString())));
    }

    @Override
    public List<CaseFacts> all() {
        return find(new Query().with(Sort.by("_id")));
    }

    @Override
    public void dropAll() {
        mongo.dropCollection(CaseFactsDocument.class);
    }

    private List<CaseFacts> find(Query query) {
        return mongo.find(query, CaseFactsDocument.class).stream().map(mapper::toFacts).toList();
    }
}
