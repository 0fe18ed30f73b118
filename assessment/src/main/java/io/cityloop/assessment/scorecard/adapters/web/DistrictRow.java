package io.cityloop.assessment.scorecard.adapters.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.cityloop.assessment.scorecard.model.DistrictScore;

/** A district's row as a place where problems occur. */
public record DistrictRow(String districtCode, String districtName, long reported, long filed, Double filingRate,
                          @JsonUnwrapped TaskCounters tasks) {

    static DistrictRow of(DistrictScore score) {
        return new DistrictRow(score.district().code(), score.district().name(), score.reported(), score.filed(),
                score.filingRate(), TaskCounters.of(score.tasks()));
    }
}
