package io.cityloop.intake.casefile.adapters.persistence;

import static io.cityloop.platform.persistence.CollectionIndexes.index;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.index.GeoSpatialIndexType;
import org.springframework.data.mongodb.core.index.GeospatialIndex;

import io.cityloop.intake.casefile.application.IntakeSettings;
import io.cityloop.platform.persistence.CollectionIndexes;

/**
 * The unique index that makes a retried report return its first case even under a race, and the indexes behind
 * every list: the operator's filing queue, the inspector's checks and 核实 requests, a reporter's own reports (我的上报), the filters of the case list, the duplicate
 * search (a bounding box on category and coordinates), the outbox relay's sweep (a sparse index of the cases with an
 * event waiting) and, on a real MongoDB, the 2dsphere index of native geo
 * queries (the embedded server cannot build it).
 */
@Configuration(proxyBeanMethods = false)
class CaseFileIndexes {

    @Bean
    CollectionIndexes caseIndexes(IntakeSettings settings) {
        CollectionIndexes cases = CollectionIndexes.of(CaseFileDocument.COLLECTION,
                // the stored field names, not the model's: the reporter's user name is reporter._id (a nested
                // record's id)
                index("report_idempotency", "reporter._id", "idempotencyKey").unique(),
                index("queue_by_status", "status", "reportedAt"),
                index("filing_queue", "status", "priority", "reportedAt"),
                index("by_reporter", "reporter._id", "-reportedAt", "-_id"),
                index("verifier", "verification.assignee"),
                // 核实: an inspector's open requests and everyone's, soonest due first (answered ones keep the fields)
                index("confirmer", "confirmation.assignee", "status", "confirmation.dueBy"),
                index("confirmations_due", "status", "confirmation.dueBy"),
                index("by_district", "location.districtCode", "status", "-reportedAt"),
                index("by_street", "location.streetCode", "-reportedAt"),
                index("by_source", "source", "-reportedAt"),
                // the unfiltered case list, newest first, ties by _id (as every list pages)
                index("by_time_id", "-reportedAt", "-_id"),
                // the outbox relay's sweep ({"outbox.0": {$exists: true}}): only cases with an event waiting are in it
                index("pending_outbox", "outbox.0").sparse(),
                index("by_stage_deadline", "stageDueBy"),
                index("duplicate_box", "category.code", "location.lat", "location.lon", "-reportedAt"),
                index("near_box", "location.lat", "location.lon"));
        return settings.geo().nativeQueries()
                ? cases.with(new GeospatialIndex("position").typed(GeoSpatialIndexType.GEO_2DSPHERE)
                        .named("position_2dsphere"))
                : cases;
    }

    @Bean
    CollectionIndexes catalogVersionIndexes() {
        return CollectionIndexes.of("catalog_versions", index("catalog_sequence", "-sequence").unique());
    }
}
