package io.cityloop.reference;

/** 处置单位: a municipal department ({@code dept-07}) or a district platform ({@code district-610402}). */
public record HandlingUnit(String id, String name, Kind kind) {

    public static final String DISTRICT_PREFIX = "district-";

    public enum Kind {
        DEPARTMENT,
        DISTRICT
    }
}
