package io.cityloop.intake.casefile.model;

/** The catalog category a case was reported under, with the catalog version in force at the time. */
public record CaseCategory(String code, String name, String catalogVersion) {
}
