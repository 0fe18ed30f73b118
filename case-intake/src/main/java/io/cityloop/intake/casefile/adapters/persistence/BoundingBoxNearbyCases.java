package io.cityloop.intake.casefile.adapters.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;

import io.cityloop.intake.casefile.application.NearbyCases;
import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.CaseStatus;
import io.cityloop.intake.casefile.model.GeoDistance;

/**
 * Nearby cases without native geo queries (the embedded MongoDB-wire server has none): a range query on the indexed
 * coordinates of the box around the circle, then the exact great-circle distance in Java.
 */
class BoundingBoxNearbyCases implements NearbyCases {

    /** A box around 2 km in the urban core holds far fewer cases; this only bounds a pathological query. */
    private static final int MAX_BOX = 5_000;

    private final MongoTemplate mongo;
    private final CaseFileMapper mapper;

    BoundingBoxNearbyCases(MongoTemplate mongo, CaseFileMapper mapper) {
        this.mongo = mongo;
        this.mapper = mapper;
    }

    @Override
    public List<CaseFile> openCandidates(String categoryCode, double lon, double lat, double radiusMetres,
                                         Instant since) {
        Criteria criteria = where("category.code").is(categoryCode);
        box(criteria, lon, lat, radiusMetres);
        criteria.and("reportedAt").gte(since).and("status").in(openStatuses());
        return mongo.find(query(criteria).limit(MAX_BOX), CaseFileDocument.class).stream()
                .map(d -> CaseFile.restore(mapper.toSnapshot(d))).toList();
    }

    @Override
    public List<Nearby> within(double lon, double lat, double radiusMetres, int limit) {
        Criteria criteria = new Criteria();
        box(criteria, lon, lat, radiusMetres);
        return mongo.find(query(criteria).limit(MAX_BOX), CaseFileDocument.class).stream()
                .map(d -> CaseFile.restore(mapper.toSnapshot(d)))
                .map(c -> new Nearby(c, GeoDistance.metres(lon, lat, c.location().lon(), c.location().lat())))
                .filter(n -> n.distanceMetres() <= radiusMetres)
                .sorted(Comparator.comparingDouble(Nearby::distanceMetres))
                .limit(limit)
                .toList();
    }

    private static void box(Criteria criteria, double lon, double lat, double radiusMetres) {
        double[] half = GeoDistance.boxHalfSides(lat, radiusMetres);
        criteria.and("location.lat").gte(lat - half[1]).lte(lat + half[1])
                .and("location.lon").gte(lon - half[0]).lte(lon + half[0]);
    }

    static List<String> openStatuses() {
        return Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).map(Enum::name).toList();
    }

}
