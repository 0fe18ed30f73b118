package io.cityloop.assessment.close.adapters.persistence;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import io.cityloop.assessment.close.application.AppealRepository;
import io.cityloop.assessment.close.model.Appeal;
import io.cityloop.assessment.close.model.AppealState;
import io.cityloop.assessment.month.model.FactCorrection;

/** Appeals in MongoDB; a decision matches the appeal only while it is pending. */
@Component
class MongoAppealRepository implements AppealRepository {

    private final MongoTemplate mongo;

    MongoAppealRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void insert(Appeal appeal) {
        mongo.insert(toDocument(appeal));
    }

    @Override
    public Optional<Appeal> find(String id) {
        return Optional.ofNullable(mongo.findById(id, AppealDocument.class)).map(MongoAppealRepository::toAppeal);
    }

    @Override
    public List<Appeal> ofMonth(String month) {
        return mongo.find(Query.query(Criteria.where("month").is(month)).with(Sort.by("filedAt", "_id")),
                AppealDocument.class).stream().map(MongoAppealRepository::toAppeal).toList();
    }

    @Override
    public boolean decide(Appeal decided) {
        Query pending = Query.query(Criteria.where("_id").is(decided.id()).and("state")
                .is(AppealState.PENDING.name()));
        Update update = new Update().set("state", decided.state().name()).set("decidedBy", decided.decidedBy())
                .set("decidedAt", decided.decidedAt()).set("decisionReason", decided.decisionReason())
                .set("history", decided.history());
        return mongo.updateFirst(pending, update, AppealDocument.class).getMatchedCount() == 1;
    }

    private static AppealDocument toDocument(Appeal appeal) {
        return new AppealDocument(appeal.id(), appeal.month(), appeal.unitId(), appeal.caseIds(), appeal.reason(),
                appeal.effect().name(), appeal.state().name(), appeal.filedBy(), appeal.filedAt(),
                appeal.decidedBy(), appeal.decidedAt(), appeal.decisionReason(), appeal.history());
    }

    private static Appeal toAppeal(AppealDocument doc) {
        return new Appeal(doc.id(), doc.month(), doc.unitId(), doc.caseIds(), doc.reason(),
                FactCorrection.Effect.valueOf(doc.effect()), AppealState.valueOf(doc.state()), doc.filedBy(),
                doc.filedAt(), doc.decidedBy(), doc.decidedAt(), doc.decisionReason(), doc.history());
    }
}
