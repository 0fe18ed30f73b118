package io.cityloop.assessment.scorecard.model;

import io.cityloop.reference.District;

/**
 * One row of the regional scorecard (区域考核): a district as the place where problems occur.
 *
 * @param reported 上报数: reports made in the month (before the cut-off)
 * @param filed    立案数: cases filed in the month (before the cut-off)
 * @param tasks    the task counters over tasks of cases located in the district
 */
public record DistrictScore(District district, long reported, long filed, TaskTally tasks) {

    /** 立案率 = filed / reported. */
    public Double filingRate() {
        return Rate.of(filed, reported);
    }
}
