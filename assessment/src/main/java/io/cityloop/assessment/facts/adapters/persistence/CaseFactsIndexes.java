package io.cityloop.assessment.facts.adapters.persistence;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/** The indexes the monthly scorecard queries need, so they never scan every case. */
@Component
class CaseFactsIndexes implements ApplicationRunner {

    static final String TASK_DEADLINE = "tasks.deadline";
    static final String REPORTED_AT = "reportedAt";
    static final String FILED_AT = "filedAt";

    private final MongoTemplate mongo;

    CaseFactsIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        IndexOperations indexes = mongo.indexOps(CaseFactsDocument.class);
        for (String field : new String[] {TASK_DEADLINE, REPORTED_AT, FILED_AT}) {
            indexes.createIndex(new Index().on(field, Sort.Direction.ASC).named(field.replace('.', '_')));
        }
    }
}
