package io.cityloop.assessment.facts.adapters.persistence;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * <p>
 * Losing to another writer is retried for as long as it happens: every loss means the document moved on, so the
 * retries are bounded by the case's own events, and a fixed count (which is all {@code ConcurrentChangeRetry} offers,
 * hence this loop of its own) would give up on a busy case and hand its event to the dead letters. A save refused
 * while the document stayed at the version it was read at is no race but a fault (a document written without a
 * version, say); that is given up after {@value #MAX_STALLS} tries.
 */
@Component
class MongoCaseFactsStore implements CaseFactsStore {

    static final int MAX_STALLS = 3;

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
        RuntimeException lastLoss = null;
        Long lostAtVersion = null;
        int stalls = 0;
        while (true) {
            CaseFactsDocument stored = mongo.findById(caseId, CaseFactsDocument.class);
            Long version = stored == null ? null : stored.getVersion();
            if (lastLoss != null && Objects.equals(version, lostAtVersion) && ++stalls >= MAX_STALLS) {
                throw lastLoss;
            }
            CaseFacts before = stored == null ? CaseFacts.firstSeen(caseId) : mapper.toFacts(stored);
            CaseFacts after = change.apply(before);
            if (after == before) {
                return false;
            }
            CaseFactsDocument document = mapper.toDocument(after, version);
            document.setCountsIn(after.countsIn(zone));
            document.setOpenFrom(after.openFrom(zone));
            try {
                mongo.save(document);
                return true;
            } catch (OptimisticLockingFailureException | DuplicateKeyException lostRace) {
                lastLoss = lostRace;
                lostAtVersion = version;
            }
        }
    }

    @Override
    public Optional<CaseFacts> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, CaseFactsDocument.class)).map(mapper::toFacts);
    }

    @Override
    public List<CaseFacts> countingIn(YearMonth month) {
        List<CaseFacts> counting = find(Query.query(Criteria.where(CaseFactsIndexes.COUNTS_IN).is(month.toString())));
        List<CaseFacts> open = find(Query.query(Criteria.where(CaseFactsIndexes.OPEN_FROM).lt(month.toString())));
        if (open.isEmpty()) {
            return counting;
        }
        Map<String, CaseFacts> byId = new LinkedHashMap<>();
        counting.forEach(one -> byId.put(one.caseId(), one));
        open.forEach(one -> byId.putIfAbsent(one.caseId(), one));
        return List.copyOf(byId.values());
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
