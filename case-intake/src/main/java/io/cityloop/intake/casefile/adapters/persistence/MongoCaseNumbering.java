package io.cityloop.intake.casefile.adapters.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import io.cityloop.intake.casefile.application.CaseNumbering;

/** One counter document per city day, incremented atomically, so replicas never hand out the same number. */
@Component
class MongoCaseNumbering implements CaseNumbering {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final MongoTemplate mongo;

    MongoCaseNumbering(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String next(LocalDate cityDate) {
        String day = cityDate.format(DAY);
        Document counter = mongo.findAndModify(query(where("_id").is("case-" + day)),
                new Update().inc("value", 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, "counters");
        long value = ((Number) counter.get("value")).longValue();
        return "CL" + day + "%06d".formatted(value);
    }
}
