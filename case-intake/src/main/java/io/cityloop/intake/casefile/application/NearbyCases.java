package io.cityloop.intake.casefile.application;

import java.time.Instant;
import java.util.List;

import io.cityloop.intake.casefile.model.CaseFile;

/**
 * Cases near a point, by an indexed query: natively ($nearSphere on a 2dsphere index) on a real MongoDB, by an
 * indexed bounding box plus the exact distance on the embedded server, which has no geo queries.
 */
public interface NearbyCases {

    /** Open cases of the category reported since {@code since} within the radius; exact distance not yet checked. */
    List<CaseFile> openCandidates(String categoryCode, double lon, double lat, double radiusMetres, Instant since);

    /** Cases of any status within the radius, nearest first. */
    List<Nearby> within(double lon, double lat, double radiusMetres, int limit);

    record Nearby(CaseFile caseFile, double distanceMetres) {
    }
}
