package io.cityloop.assessment.close.adapters.persistence;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The indexes behind a month's close: its corrections in the order they were decided, its appeals in the order they
 * were filed (equality on the month, then the sort, then {@code _id} as every list's tie-break), so that reading one
 * month never reads every month's.
 */
@Component
class MonthCloseIndexes implements ApplicationRunner {

    private final MongoTemplate mongo;

    MonthCloseIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        mongo.indexOps(MongoCorrectionRepository.COLLECTION).createIndex(new Index().on("month", Sort.Direction.ASC)
                .on("decidedAt", Sort.Direction.ASC).on("_id", Sort.Direction.ASC).named("month_decided"));
        mongo.indexOps(AppealDocument.COLLECTION).createIndex(new Index().on("month", Sort.Direction.ASC)
                .on("filedAt", Sort.Direction.ASC).on("_id", Sort.Direction.ASC).named("month_filed"));
    }
}
