package io.cityloop.intake.casefile.adapters.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.geo.GeoJsonPoint;
import org.springframework.data.mongodb.core.query.Criteria;

import io.cityloop.intake.casefile.application.NearbyCases;
import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.GeoDistance;

/** Nearby cases by {@code $nearSphere} on the 2dsphere index of {@code position}: a real MongoDB only. */
class NativeGeoNearbyCases implements NearbyCases {

    private final MongoTemplate mongo;
    private final CaseFileMapper mapper;

    NativeGeoNearbyCases(MongoTemplate mongo, CaseFileMapper mapper) {
        this.mongo = mongo;
        this.mapper = mapper;
    }

    @Override
    public List<CaseFile> openCandidates(String categoryCode, double lon, double lat, double radiusMetres,
                                         Instant since) {
        Criteria criteria = near(lon, lat, radiusMetres).and("category.code").is(categoryCode)
                .and("reportedAt").gte(since).and("status").in(BoundingBoxNearbyCases.openStatuses());
        return mongo.find(query(criteria).limit(100), CaseFileDocument.class).stream()
                .map(d -> CaseFile.restore(mapper.toSnapshot(d))).toList();
    }

    @Override
    public List<Nearby> within(double lon, double lat, double radiusMetres, int limit) {
        return mongo.find(query(near(lon, lat, radiusMetres)).limit(limit), CaseFileDocument.class).stream()
                .map(d -> CaseFile.restore(mapper.toSnapshot(d)))
                .map(c -> new Nearby(c, GeoDistance.metres(lon, lat, c.location().lon(), c.location().lat())))
                .toList();
    }

    /** With a GeoJSON point, {@code $maxDistance} is in metres and results come nearest first. */
    private static Criteria near(double lon, double lat, double radiusMetres) {
        return where("position").nearSphere(new GeoJsonPoint(lon, lat)).maxDistance(radiusMetres);
    }
}
