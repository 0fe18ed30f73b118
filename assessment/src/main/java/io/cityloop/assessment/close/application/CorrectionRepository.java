package io.cityloop.assessment.close.application;

import java.util.List;

import io.cityloop.assessment.scorecard.model.FactCorrection;

/** Audited corrections (更正) from upheld appeals, laid over the facts when their month is scored. */
public interface CorrectionRepository {

    void insertAll(List<FactCorrection> corrections);

    List<FactCorrection> ofMonth(String month);
}
