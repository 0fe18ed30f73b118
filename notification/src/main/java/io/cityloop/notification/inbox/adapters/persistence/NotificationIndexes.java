package io.cityloop.notification.inbox.adapters.persistence;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** An inbox is read newest first per unit; a rework looks up its task's dispatch. */
@Component
class NotificationIndexes implements ApplicationRunner {

    static final String UNIT_ID = "unitId";
    static final String CREATED_AT = "createdAt";

    private final MongoTemplate mongo;

    NotificationIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        var indexes = mongo.indexOps(NotificationDocument.class);
        indexes.createIndex(new Index().on(UNIT_ID, Sort.Direction.ASC).on(CREATED_AT, Sort.Direction.DESC)
                .named("unit_newest_first"));
        indexes.createIndex(new Index().on("taskId", Sort.Direction.ASC).named("task"));
    }
}
