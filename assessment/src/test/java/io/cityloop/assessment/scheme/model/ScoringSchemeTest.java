package io.cityloop.assessment.scheme.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ScoringSchemeTest {

    @Test
    void theShippedSchemesAreValidAndDeclareEveryScope() {
        ScoringScheme scheme = TestSchemes.defaultScheme();

        assertThat(scheme.reference()).isEqualTo("gbt30428-default@2026.1");
        assertThat(scheme.formulas()).containsOnlyKeys(java.util.Arrays.stream(Scope.values())
                .filter(Scope::required).toList());
        assertThat(scheme.formula(Scope.UNIT).terms()).extracting(Term::indicator, Term::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("onTimeRate", 0.5),
                        org.assertj.core.groups.Tuple.tuple("handlingRate", 0.3),
                        org.assertj.core.groups.Tuple.tuple("reworkRate", 0.2));
        assertThat(TestSchemes.cityRule().reference()).isEqualTo("city-rule@2025.1");
    }

    @Test
    void weightsThatDoNotAddUpToOneAreRejected() {
        ScoringScheme scheme = TestSchemes.defaultScheme();
        Map<Scope, Formula> formulas = new HashMap<>(scheme.formulas());
        formulas.put(Scope.UNIT, new Formula("dispatched", List.of(new Term("onTimeRate", 0.5, false, 0),
                new Term("handlingRate", 0.3, false, 0)), List.of()));

        assertThatThrownBy(() -> copy(scheme, formulas).validated())
                .isInstanceOf(InvalidSchemeException.class)
                .hasMessageContaining("UNIT: weights add up to 0.8");
    }

    @Test
    void anUndefinedIndicatorIsRejected() {
        ScoringScheme scheme = TestSchemes.defaultScheme();
        Map<Scope, Formula> formulas = new HashMap<>(scheme.formulas());
        formulas.put(Scope.DISTRICT, new Formula("dispatched", List.of(new Term("happiness", 1.0, false, 0)),
                List.of(new Deduction("handlingRate", 1))));

        assertThatThrownBy(() -> copy(scheme, formulas).validated())
                .isInstanceOf(InvalidSchemeException.class)
                .satisfies(e -> assertThat(((InvalidSchemeException) e).problems()).containsExactly(
                        "DISTRICT: indicator happiness is not defined",
                        "DISTRICT: deduction indicator handlingRate is not a count of it"));
    }

    @Test
    void aMissingScopeAndAGradelessRangeAreRejected() {
        ScoringScheme scheme = TestSchemes.defaultScheme();
        Map<Scope, Formula> formulas = new HashMap<>(scheme.formulas());
        formulas.remove(Scope.OPERATOR);
        ScoringScheme broken = new ScoringScheme(scheme.id(), scheme.version(), scheme.name(), scheme.effectiveFrom(),
                5, scheme.countingRules(), List.of(new GradeBand("优秀", "green", 90)), formulas);

        assertThatThrownBy(broken::validated).isInstanceOf(InvalidSchemeException.class)
                .satisfies(e -> assertThat(((InvalidSchemeException) e).problems()).contains(
                        "OPERATOR: no formula",
                        "the lowest grade band must start at 0 or below so that every score gets a grade"));
    }

    @Test
    void aMonthGetsTheSchemeSelectedForItElseTheLatestInEffect() {
        SchemeBook book = new SchemeBook(List.of(TestSchemes.defaultScheme(), TestSchemes.cityRule()),
                Map.of("2026-12", "city-rule@2025.1"));

        assertThat(book.forMonth(YearMonth.of(2026, 11)).reference()).isEqualTo("gbt30428-default@2026.1");
        assertThat(book.forMonth(YearMonth.of(2026, 12)).reference()).isEqualTo("city-rule@2025.1");
        assertThatThrownBy(() -> new SchemeBook(List.of(TestSchemes.defaultScheme()),
                Map.of("2026-12", "nope@1"))).hasMessageContaining("month 2026-12 selects unknown scheme nope@1");
    }

    @Test
    void gradeBandsAreInclusiveAtTheirLowerBound() {
        ScoringScheme scheme = TestSchemes.defaultScheme();

        assertThat(scheme.gradeOf(90).grade()).isEqualTo("优秀");
        assertThat(scheme.gradeOf(89.99).grade()).isEqualTo("良好");
        assertThat(scheme.gradeOf(60).grade()).isEqualTo("合格");
        assertThat(scheme.gradeOf(59.99).color()).isEqualTo("red");
        assertThat(scheme.gradeOf(-3).grade()).isEqualTo("不合格");
    }

    private static ScoringScheme copy(ScoringScheme scheme, Map<Scope, Formula> formulas) {
        return new ScoringScheme(scheme.id(), scheme.version(), scheme.name(), scheme.effectiveFrom(),
                scheme.minimumVolume(), scheme.countingRules(), scheme.gradeBands(), formulas);
    }
}
