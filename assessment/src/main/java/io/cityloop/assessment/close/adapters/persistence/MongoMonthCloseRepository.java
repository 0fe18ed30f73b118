package io.cityloop.assessment.close.adapters.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import io.cityloop.assessment.month.application.MonthCloseRepository;
import io.cityloop.assessment.month.model.AuditEntry;
import io.cityloop.assessment.month.model.MonthClose;
import io.cityloop.assessment.month.model.MonthState;

/**
 * Month records in MongoDB. A transition is one conditional update matching the month and its expected state, which
 * MongoDB applies atomically: among replicas racing for the same edge exactly one matches.
 */
@Component
class MongoMonthCloseRepository implements MonthCloseRepository {

    private final MongoTemplate mongo;

    MongoMonthCloseRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<MonthClose> find(String month) {
        return Optional.ofNullable(mongo.findById(month, MonthCloseDocument.class))
                .map(doc -> new MonthClose(doc.month(), MonthState.valueOf(doc.state()), doc.snapshotId(),
                        doc.cutOff(), doc.schemeReference(), doc.audit()));
    }

    @Override
    public boolean freeze(String month, String snapshotId, Instant cutOff, String schemeReference, AuditEntry entry) {
        ensureDraftExists(month);
        Update update = new Update().set("state", MonthState.FROZEN.name()).set("snapshotId", snapshotId)
                .set("cutOff", cutOff).set("schemeReference", schemeReference).push("audit", entry);
        return conditional(month, MonthState.DRAFT, update);
    }

    @Override
    public boolean advance(String month, MonthState from, MonthState to, AuditEntry entry) {
        return conditional(month, from, new Update().set("state", to.name()).push("audit", entry));
    }

    @Override
    public boolean audit(String month, AuditEntry entry) {
        ensureDraftExists(month);
        Query notFinal = Query.query(Criteria.where("_id").is(month).and("state").ne(MonthState.FINAL.name()));
        return mongo.updateFirst(notFinal, new Update().push("audit", entry), MonthCloseDocument.class)
                .getMatchedCount() == 1;
    }

    private boolean conditional(String month, MonthState expected, Update update) {
        Query query = Query.query(Criteria.where("_id").is(month).and("state").is(expected.name()));
        return mongo.updateFirst(query, update, MonthCloseDocument.class).getMatchedCount() == 1;
    }

    private void ensureDraftExists(String month) {
        if (mongo.exists(Query.query(Criteria.where("_id").is(month)), MonthCloseDocument.class)) {
            return;
        }
        try {
            mongo.insert(new MonthCloseDocument(month, MonthState.DRAFT.name(), null, null, null, List.of()));
        } catch (DuplicateKeyException createdMeanwhile) {
            // another replica created the draft first, which is all this wanted
        }
    }
}
