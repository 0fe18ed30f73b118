package io.cityloop.assessment.scheme.model;

import java.util.List;

/**
 * 综合指标值 of one scope: (Σ terms) × 100 − Σ deductions.
 *
 * @param volume the count shown as the row's volume (案件量) and compared with the scheme's minimum
 */
public record Formula(String volume, List<Term> terms, List<Deduction> deductions) {

    public Formula {
        terms = terms == null ? List.of() : List.copyOf(terms);
        deductions = deductions == null ? List.of() : List.copyOf(deductions);
    }
}
