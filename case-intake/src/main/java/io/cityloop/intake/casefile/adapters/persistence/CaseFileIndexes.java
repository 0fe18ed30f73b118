package io.cityloop.intake.casefile.adapters.persistence;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.GeoSpatialIndexType;
import org.springframework.data.mongodb.core.index.GeospatialIndex;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

import io.cityloop.intake.casefile.application.IntakeSettings;

/**
 * The unique index that makes a retried report return its first case even under a race, and the indexes behind
 * every list: the operator's filing queue, the inspector's checks, a reporter's own reports (我的上报), the filters of the case list, the duplicate
 * search (a bounding box on category and coordinates), the outbox relay's sweep (a sparse index of the cases with an
 * event waiting) and, on a real MongoDB, the 2dsphere index of native geo
 * queries (the embedded server cannot build it).
 */
@Component
class CaseFileIndexes implements ApplicationRunner {

    private final MongoTemplate mongo;
    private final IntakeSettings settings;

    CaseFileIndexes(MongoTemplate mongo, IntakeSettings settings) {
        this.mongo = mongo;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        IndexOperations indexes = mongo.indexOps(CaseFileDocument.COLLECTION);
        // the stored field names, not the model's: the reporter's user name is reporter._id (a nested record's id)
        indexes.createIndex(new Index().on("reporter._id", Sort.Direction.ASC).on("idempotencyKey", Sort.Direction.ASC)
                .unique().named("report_idempotency"));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("reportedAt", Sort.Direction.ASC)
                .named("queue_by_status"));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("priority", Sort.Direction.ASC)
                .on("reportedAt", Sort.Direction.ASC).named("filing_queue"));
        indexes.createIndex(new Index().on("reporter._id", Sort.Direction.ASC).on("reportedAt", Sort.Direction.DESC)
                .on("_id", Sort.Direction.DESC).named("by_reporter"));
        indexes.createIndex(new Index().on("verification.assignee", Sort.Direction.ASC).named("verifier"));
        indexes.createIndex(new Index().on("location.districtCode", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC).on("reportedAt", Sort.Direction.DESC).named("by_district"));
        indexes.createIndex(new Index().on("location.streetCode", Sort.Direction.ASC)
                .on("reportedAt", Sort.Direction.DESC).named("by_street"));
        indexes.createIndex(new Index().on("source", Sort.Direction.ASC).on("reportedAt", Sort.Direction.DESC)
                .named("by_source"));
        // the unfiltered case list, newest first, ties by _id (as every list pages)
        indexes.createIndex(new Index().on("reportedAt", Sort.Direction.DESC).on("_id", Sort.Direction.DESC)
                .named("by_time_id"));
        // the outbox relay's sweep ({"outbox.0": {$exists: true}}): only cases with an event waiting are in it
        indexes.createIndex(new Index().on("outbox.0", Sort.Direction.ASC).sparse().named("pending_outbox"));
        indexes.createIndex(new Index().on("stageDueBy", Sort.Direction.ASC).named("by_stage_deadline"));
        indexes.createIndex(new Index().on("category.code", Sort.Direction.ASC).on("location.lat", Sort.Direction.ASC)
                .on("location.lon", Sort.Direction.ASC).on("reportedAt", Sort.Direction.DESC)
                .named("duplicate_box"));
        indexes.createIndex(new Index().on("location.lat", Sort.Direction.ASC).on("location.lon", Sort.Direction.ASC)
                .named("near_box"));
        if (settings.geo().nativeQueries()) {
            indexes.createIndex(new GeospatialIndex("position").typed(GeoSpatialIndexType.GEO_2DSPHERE)
                    .named("position_2dsphere"));
        }
        mongo.indexOps("catalog_versions").createIndex(new Index().on("sequence", Sort.Direction.DESC).unique()
                .named("catalog_sequence"));
    }
}
