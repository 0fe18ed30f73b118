package io.cityloop.intake.casefile.model;

/** Great-circle distance on the WGS84 mean sphere; metres-accurate at the scale of a duplicate radius. */
public final class GeoDistance {

    public static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private GeoDistance() {
    }

    public static double metres(double lon1, double lat1, double lon2, double lat2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Half the side of a lon/lat box that contains the circle of {@code radius} metres around {@code lat}. */
    public static double[] boxHalfSides(double lat, double radiusMetres) {
        double dLat = Math.toDegrees(radiusMetres / EARTH_RADIUS_METRES);
        double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(Math.min(89, Math.abs(lat)) )));
        return new double[] {dLon, dLat};
    }
}
