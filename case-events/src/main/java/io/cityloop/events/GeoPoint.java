package io.cityloop.events;

/** A WGS84 position as reported by the device (longitude first, as in GeoJSON). */
public record GeoPoint(double lon, double lat) {
}
