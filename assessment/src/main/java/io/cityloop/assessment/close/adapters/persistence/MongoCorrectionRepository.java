package io.cityloop.assessment.close.adapters.persistence;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import io.cityloop.assessment.month.application.CorrectionRepository;
import io.cityloop.assessment.month.model.FactCorrection;

/**
 * Corrections in their own collection, apart from the projection: dropping and replaying the facts keeps them, and
 * they are never updated (an audit record).
 */
@Component
class MongoCorrectionRepository implements CorrectionRepository {

    static final String COLLECTION = "fact_corrections";

    private final MongoTemplate mongo;

    MongoCorrectionRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void insertAll(List<FactCorrection> corrections) {
        if (!corrections.isEmpty()) {
            mongo.insert(corrections, COLLECTION);
        }
    }

    @Override
    public List<FactCorrection> ofMonth(String month) {
        return mongo.find(Query.query(Criteria.where("month").is(month)).with(Sort.by("decidedAt", "_id")),
                FactCorrection.class, COLLECTION);
    }
}
