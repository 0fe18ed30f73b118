package io.cityloop.assessment.facts.adapters.persistence;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
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
            CaseFactsDocument document = documentOf(after, version);
            try {
                mongo.save(document);
                return true;
            } catch (OptimisticLockingFailureException | DuplicateKeyException lostRace) {
                lastLoss = lostRace;
                lostAtVersion = version;
            }
        }
    }

    /**
     * One read of every case the changes touch, the changes applied in memory in their order, one bulk write: an
     * insert for a case not stored yet, a replace conditioned on the version read for the others. If any of those
     * writes loses to another writer, the changes are applied again one by one through {@link #update}, which
     * reloads — a change already written is then a no-op, as for a redelivered event.
     */
    @Override
    public boolean[] updateAll(List<CaseChange> changes) {
        Map<String, List<Integer>> byCase = new LinkedHashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            byCase.computeIfAbsent(changes.get(i).caseId(), id -> new ArrayList<>()).add(i);
        }
        Map<String, CaseFactsDocument> stored = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(byCase.keySet())), CaseFactsDocument.class)
                .forEach(document -> stored.put(document.getCaseId(), document));
        boolean[] applied = new boolean[changes.size()];
        List<CaseFactsDocument> inserts = new ArrayList<>();
        BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, CaseFactsDocument.class);
        int replaces = 0;
        for (Map.Entry<String, List<Integer>> one : byCase.entrySet()) {
            CaseFactsDocument document = stored.get(one.getKey());
            CaseFacts before = document == null ? CaseFacts.firstSeen(one.getKey()) : mapper.toFacts(document);
            CaseFacts after = before;
            for (int index : one.getValue()) {
                CaseFacts changed = changes.get(index).change().apply(after);
                applied[index] = changed != after;
                after = changed;
            }
            if (after == before) {
                continue;
            }
            if (document == null) {
                inserts.add(documentOf(after, 0L));
            } else {
                writes.replaceOne(Query.query(Criteria.where("_id").is(one.getKey())
                        .and("version").is(document.getVersion())), documentOf(after, document.getVersion() + 1));
                replaces++;
            }
        }
        if (inserts.isEmpty() && replaces == 0) {
            return applied;
        }
        writes.insert(inserts);
        try {
            if (writes.execute().getMatchedCount() == replaces) {
                return applied;
            }
        } catch (BulkOperationException | DuplicateKeyException lostRace) {
            // some writes landed, some lost: the one-by-one path below sorts out which
        }
        for (int i = 0; i < changes.size(); i++) {
            applied[i] = update(changes.get(i).caseId(), changes.get(i).change()) || applied[i];
        }
        return applied;
    }

    private CaseFactsDocument documentOf(CaseFacts facts, Long version) {
        CaseFactsDocument document = mapper.toDocument(facts, version);
        document.setCountsIn(facts.countsIn(zone));
        document.setOpenFrom(facts.openFrom(zone));
        return document;
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
