package io.cityloop.assessment.month.application;

import java.util.List;

import io.cityloop.assessment.month.model.FactCorrection;

/** Audited corrections (更正) from upheld appeals, laid over the facts when their month is scored. */
public interface CorrectionRepository {

    void insertAll(List<FactCorrection> corrections);

    List<FactCorrection> ofMonth(String month);
}
