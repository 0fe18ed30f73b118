package io.cityloop.dispatch.task.adapters.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import io.cityloop.dispatch.task.application.PendingDispatchStore;
import io.cityloop.dispatch.task.model.PendingDispatch;

/** Parked filed cases in MongoDB; {@code save} on the versioned document makes the update conditional. */
@Component
class MongoPendingDispatchStore implements PendingDispatchStore {

    private final MongoTemplate mongo;
    private final PendingDispatchMapper mapper;

    MongoPendingDispatchStore(MongoTemplate mongo, PendingDispatchMapper mapper) {
        this.mongo = mongo;
        this.mapper = mapper;
    }

    @Override
    public boolean park(PendingDispatch pending) {
        try {
            mongo.insert(mapper.toDocument(pending));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<PendingDispatch> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, PendingDispatchDocument.class)).map(mapper::toDomain);
    }

    @Override
    public List<PendingDispatch> waiting(int limit) {
        return mongo.find(query(where("dispatchedTaskId").is(null)).with(Sort.by(Sort.Order.asc("parkedAt"),
                        Sort.Order.asc("_id"))).limit(limit), PendingDispatchDocument.class).stream()
                .map(mapper::toDomain)
                .toList();
    }

    @Override
    public void update(PendingDispatch pending) {
        mongo.save(mapper.toDocument(pending));
    }
}
