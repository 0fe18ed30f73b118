package io.cityloop.intake.casefile.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.cityloop.intake.IntakeIntegrationTestSupport;
import io.cityloop.intake.casefile.application.CaseFileStore;
import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.CaseFixture;
import io.cityloop.intake.casefile.model.CaseStatus;
import io.cityloop.intake.casefile.model.Participant;
import io.cityloop.intake.casefile.model.ReportOrigin;

/**
 * The case's records are stored flat, under the field names documents had before the records existed, so a running
 * city's documents read and save as they are.
 */
class CaseFileStorageIntegrationTest extends IntakeIntegrationTestSupport {

    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private CaseFileStore store;

    @Test
    void aCaseIsStoredUnderTheFieldNamesItAlwaysHad() {
        CaseFile file = CaseFixture.reportedCase("CLSTORE-flat", new Participant("inspector-store", "inspector"));
        store.insert(file);

        Document stored = mongo.getCollection(CaseFileDocument.COLLECTION).find(new Document("_id", file.id())).first();

        assertThat(stored).containsKeys("status", "category", "description", "location", "source", "origin",
                "reporter", "idempotencyKey", "requestFingerprint", "reportedAt", "filingDueBy", "probableDuplicates",
                "coReporters", "reworkCount", "photos", "eventCount", "timeline", "appliedEventIds", "position",
                "priority", "stageDueBy", "outbox", "version");
        assertThat(stored).doesNotContainKeys("submission", "report", "filing", "handling", "history");
        assertThat(stored.get("reporter", Document.class).getString("_id")).isEqualTo("inspector-store");
        assertThat(store.findReport("inspector-store", file.submission().idempotencyKey())).isPresent();
        assertThat(store.reportedBy("inspector-store", 0, 10)).extracting(CaseFile::id).containsExactly(file.id());
    }

    @Test
    void aDocumentWrittenBeforeTheRecordsReadsAndSavesAsItWas() {
        mongo.getCollection(CaseFileDocument.COLLECTION).insertOne(Document.parse("""
                {"_id": "CLSTORE-old", "status": "VERIFYING",
                 "category": {"code": "02-01-01", "name": "暴露垃圾", "catalogVersion": "2026.1", "urgency": "QUICK"},
                 "description": "暴露垃圾",
                 "location": {"lon": 108.7012, "lat": 34.3405, "districtCode": "610402", "districtName": "秦都区",
                              "cellCode": "6104020050030184", "inspectorArea": "IA610402005"},
                 "source": "INSPECTOR",
                 "reporter": {"_id": "inspector-old", "role": "inspector"},
                 "idempotencyKey": "old-key-0001", "requestFingerprint": "fp",
                 "reportedAt": {"$date": "2026-11-23T01:00:00Z"},
                 "filingDueBy": {"$date": "2026-11-23T01:30:00Z"},
                 "filingDecidedAt": {"$date": "2026-11-23T01:10:00Z"}, "filingOnTime": true,
                 "probableDuplicates": [], "coReporters": [{"_id": "public", "role": "public"}],
                 "currentTask": {"taskId": "TCLSTORE-old-01", "unitId": "district-610402", "unitName": "秦都区",
                                 "deadline": {"$date": "2026-11-24T01:00:00Z"}},
                 "verification": {"assignee": "inspector", "requestedAt": {"$date": "2026-11-23T03:00:00Z"},
                                  "dueBy": {"$date": "2026-11-23T04:00:00Z"}, "photoIds": []},
                 "reworkCount": 1, "photos": [], "eventCount": 4,
                 "timeline": [{"at": {"$date": "2026-11-23T01:00:00Z"}, "type": "reported", "toStatus": "REPORTED",
                               "actor": "inspector-old", "role": "inspector", "source": "case-intake"}],
                 "appliedEventIds": ["evt-old-dispatched"],
                 "position": {"type": "Point", "coordinates": [108.7012, 34.3405]}, "priority": 1,
                 "stageDueBy": {"$date": "2026-11-23T04:00:00Z"}, "outbox": [], "version": 7}"""));

        CaseFile old = store.find("CLSTORE-old").orElseThrow();

        assertThat(old.status()).isEqualTo(CaseStatus.VERIFYING);
        assertThat(old.reporter()).isEqualTo(new Participant("inspector-old", "inspector"));
        assertThat(old.origin()).isEqualTo(ReportOrigin.NONE);
        assertThat(old.coReporters()).containsExactly(new Participant("public", "public"));
        assertThat(old.filing().filingOnTime()).isTrue();
        assertThat(old.currentTask().taskId()).isEqualTo("TCLSTORE-old-01");
        assertThat(old.verification().assignee()).isEqualTo("inspector");
        assertThat(old.reworkCount()).isEqualTo(1);
        assertThat(old.timeline()).singleElement().satisfies(entry -> assertThat(entry.type()).isEqualTo("reported"));
        assertThat(old.snapshot().version()).isEqualTo(7L);

        old.pass(new Participant("inspector", "inspector"), "已清理", Instant.parse("2026-11-23T03:30:00Z"));
        store.save(old);

        CaseFile closed = store.find("CLSTORE-old").orElseThrow();
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.reporter()).isEqualTo(old.reporter());
        assertThat(closed.timeline()).extracting(entry -> entry.type())
                .isEqualTo(List.of("reported", "verified", "closed"));
        assertThat(mongo.getCollection(CaseFileDocument.COLLECTION).find(new Document("_id", "CLSTORE-old")).first())
                .doesNotContainKeys("submission", "report", "filing", "handling", "history");
    }
}
