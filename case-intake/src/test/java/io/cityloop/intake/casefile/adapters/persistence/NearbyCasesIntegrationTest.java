package io.cityloop.intake.casefile.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.GeoSpatialIndexType;
import org.springframework.data.mongodb.core.index.GeospatialIndex;

import io.cityloop.infra.TestInfrastructure;
import io.cityloop.intake.IntakeIntegrationTestSupport;
import io.cityloop.intake.casefile.application.CaseFileStore;
import io.cityloop.intake.casefile.application.NearbyCases;
import io.cityloop.intake.casefile.model.CaseCategory;
import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.CaseLocation;
import io.cityloop.intake.casefile.model.Participant;
import io.cityloop.intake.casefile.model.Report;
import io.cityloop.intake.casefile.model.ReportOrigin;
import io.cityloop.intake.casefile.model.ReportSource;
import io.cityloop.intake.casefile.model.Submission;

/**
 * Both geo implementations against stored cases around one spot of 秦都区: the bounding box always, the native
 * $nearSphere only when the tests run on a real MongoDB.
 */
class NearbyCasesIntegrationTest extends IntakeIntegrationTestSupport {

    private static final double LON = 108.6650;
    private static final double LAT = 34.4050;
    private static final CaseCategory SMOKE = new CaseCategory("02-05-05", "露天烧烤", "2026.1", "QUICK");
    private static final CaseCategory VENDOR = new CaseCategory("02-05-01", "无照经营游商", "2026.1", "QUICK");

    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private CaseFileMapper mapper;
    @Autowired
    private CaseFileStore store;

    static boolean realMongo() {
        return TestInfrastructure.shared().isRealMongo();
    }

    @Test
    void theBoundingBoxFindsCandidatesByIndexAndTheExactDistanceDecides() {
        Fixture f = storeAround("bbox");

        assertFinds(new BoundingBoxNearbyCases(mongo, mapper), f);
    }

    @Test
    @EnabledIf("realMongo")
    void nativeGeoFindsTheSameCasesOnARealMongo() {
        mongo.indexOps(CaseFileDocument.COLLECTION).createIndex(new GeospatialIndex("position")
                .typed(GeoSpatialIndexType.GEO_2DSPHERE).named("position_2dsphere"));
        Fixture f = storeAround("native");

        assertFinds(new NativeGeoNearbyCases(mongo, mapper), f);
    }

    private void assertFinds(NearbyCases nearby, Fixture f) {
        Instant since = f.now().minus(Duration.ofHours(72));
        List<String> candidates = nearby.openCandidates("02-05-05", f.lon(), LAT, 50, since).stream()
                .map(CaseFile::id).toList();
        assertThat(candidates).contains(f.at10m()).doesNotContain(f.otherCategory(), f.closedOut(), f.at300m());

        List<NearbyCases.Nearby> within = nearby.within(f.lon(), LAT, 100, 10);
        assertThat(within).extracting(n -> n.caseFile().id()).contains(f.at10m(), f.otherCategory())
                .doesNotContain(f.at300m());
        assertThat(within.get(0).distanceMetres()).isLessThanOrEqualTo(within.get(within.size() - 1).distanceMetres());
    }

    private Fixture storeAround(String tag) {
        double lon = LON + ("native".equals(tag) ? 0.01 : 0);
        Instant now = Instant.now();
        String at10m = save(tag + "-10m", SMOKE, lon, LAT + 0.00009, now);
        String otherCategory = save(tag + "-vendor", VENDOR, lon, LAT, now);
        String at300m = save(tag + "-300m", SMOKE, lon, LAT + 0.0027, now);
        CaseFile cancelled = report(tag + "-cancelled", SMOKE, lon, LAT, now);
        cancelled.cancel(new Participant("shiftlead", "shift-lead"), "测试", now);
        store.insert(cancelled);
        return new Fixture(lon, now, at10m, otherCategory, at300m, cancelled.id());
    }

    private String save(String suffix, CaseCategory category, double lon, double lat, Instant now) {
        CaseFile file = report(suffix, category, lon, lat, now);
        store.insert(file);
        return file.id();
    }

    private static CaseFile report(String suffix, CaseCategory category, double lon, double lat, Instant now) {
        return CaseFile.report("CLNEAR-" + suffix, new Report(category, "测试", new CaseLocation(lon, lat, null,
                        "610402", "秦都区", "610402007", "沣东街道", "610402007001", "沣东街道第1社区", "6104020070010001",
                        "IA610402007"), ReportSource.INSPECTOR, ReportOrigin.NONE),
                new Submission(new Participant("inspector", "inspector"), now, "near-" + suffix, "f"), null);
    }

    private record Fixture(double lon, Instant now, String at10m, String otherCategory, String at300m,
                           String closedOut) {
    }
}
