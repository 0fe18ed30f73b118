package io.cityloop.assessment.facts.adapters.persistence;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import io.cityloop.assessment.facts.application.FrozenFactsStore;
import io.cityloop.assessment.facts.model.CaseFacts;

/** Frozen month snapshots: a copy of each case's facts under the snapshot's id, written once, never updated. */
@Component
class MongoFrozenFactsStore implements FrozenFactsStore {

    static final String COLLECTION = "frozen_case_facts";

    private final MongoTemplate mongo;
    private final CaseFactsMapper mapper;

    MongoFrozenFactsStore(MongoTemplate mongo, CaseFactsMapper mapper) {
        this.mongo = mongo;
        this.mapper = mapper;
    }

    @Override
    public void save(String snapshotId, List<CaseFacts> facts) {
        List<FrozenCaseFacts> documents = facts.stream()
                .map(one -> new FrozenCaseFacts(snapshotId + ":" + one.caseId(), snapshotId,
                        mapper.toDocument(one, null)))
                .toList();
        if (!documents.isEmpty()) {
            mongo.insert(documents, COLLECTION);
        }
    }

    @Override
    public List<CaseFacts> load(String snapshotId) {
        return mongo.find(snapshot(snapshotId).with(Sort.by("_id")), FrozenCaseFacts.class, COLLECTION).stream()
                .map(frozen -> mapper.toFacts(frozen.facts()))
                .toList();
    }

    @Override
    public void delete(String snapshotId) {
        mongo.remove(snapshot(snapshotId), COLLECTION);
    }

    private static Query snapshot(String snapshotId) {
        return Query.query(Criteria.where("snapshotId").is(snapshotId));
    }

    /** One frozen case. */
    @Document(COLLECTION)
    record FrozenCaseFacts(@Id String id, String snapshotId, CaseFactsDocument facts) {
    }
}
