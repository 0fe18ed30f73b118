package io.cityloop.intake.grid;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * GeoJSON (RFC 7946) for the map layers: positions {@code [lon, lat]} in WGS84 rounded to 7 decimals (about 1 cm),
 * exterior rings counterclockwise and holes clockwise, as the RFC asks.
 */
final class GeoJson {

    private static final double SCALE = 1e7;

    private GeoJson() {
    }

    record FeatureCollection<P>(String type, List<Feature<P>> features) {

        FeatureCollection(List<Feature<P>> features) {
            this("FeatureCollection", features);
        }
    }

    record Feature<P>(String type, String id, Shape geometry, P properties) {

        Feature(String id, Shape geometry, P properties) {
            this("Feature", id, geometry, properties);
        }
    }

    /** A GeoJSON geometry: {@code Polygon} (rings of positions) or {@code MultiPolygon} (polygons). */
    record Shape(String type, List<?> coordinates) {
    }

    /** A closed ring as a polygon of its own, oriented counterclockwise. */
    static Shape polygon(List<Coordinate> ring) {
        Coordinate[] points = ring.toArray(Coordinate[]::new);
        return new Shape("Polygon", List.of(positions(points, true)));
    }

    /** A polygon or a multipolygon as GeoJSON; anything else is a programming error. */
    static Shape of(Geometry geometry) {
        if (geometry instanceof Polygon polygon) {
            return new Shape("Polygon", rings(polygon));
        }
        if ("MultiPolygon".equals(geometry.getGeometryType())) {
            List<List<List<double[]>>> polygons = new ArrayList<>();
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                polygons.add(rings((Polygon) geometry.getGeometryN(i)));
            }
            return new Shape("MultiPolygon", polygons);
        }
        throw new IllegalArgumentException("not polygonal: " + geometry.getGeometryType());
    }

    static double round(double degrees) {
        return Math.round(degrees * SCALE) / SCALE;
    }

    private static List<List<double[]>> rings(Polygon polygon) {
        List<List<double[]>> rings = new ArrayList<>();
        rings.add(positions(polygon.getExteriorRing(), true));
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            rings.add(positions(polygon.getInteriorRingN(i), false));
        }
        return rings;
    }

    private static List<double[]> positions(LinearRing ring, boolean counterclockwise) {
        return positions(ring.getCoordinates(), counterclockwise);
    }

    private static List<double[]> positions(Coordinate[] ring, boolean counterclockwise) {
        boolean reverse = ring.length >= 4 && Orientation.isCCW(ring) != counterclockwise;
        List<double[]> positions = new ArrayList<>(ring.length);
        for (int i = 0; i < ring.length; i++) {
            Coordinate c = ring[reverse ? ring.length - 1 - i : i];
            positions.add(new double[] {round(c.x), round(c.y)});
        }
        return positions;
    }
}
