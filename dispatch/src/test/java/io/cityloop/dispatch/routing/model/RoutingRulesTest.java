package io.cityloop.dispatch.routing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.cityloop.dispatch.routing.model.UnroutableCaseException.Reason;
import io.cityloop.reference.CityReference;

class RoutingRulesTest {

    private static final String QINDU = "610402";
    private static final String WEICHENG = "610404";

    private static final CityReference REFERENCE = CityReference.load();

    private final Simple rules = new Simple(new RoutingRules(REFERENCE, new RuleSet(1, REFERENCE.catalog().all()
            .stream().map(c -> new RoutingRule("default-" + c.code(), c.code(), null, null, null, null,
                    c.defaultUnit(), null)).toList())));

    /** Routes by category and district only, as the catalog defaults do. */
    private record Simple(RoutingRules rules) {

        Route route(String category, String district) {
            return rules.route(RoutingRequest.of(category, district, null));
        }
    }

    @Test
    void componentGoesToItsOwnerWhereverItIs() {
        Route route = rules.route("01-01-01", QINDU);

        assertThat(route.unit().id()).isEqualTo("dept-16");
        assertThat(route.unit().name()).isEqualTo("市水务集团");
        assertThat(route.category().name()).isEqualTo("上水井盖");
        assertThat(rules.route("01-01-01", WEICHENG).unit().id()).isEqualTo("dept-16");
    }

    @Test
    void cityAppearanceEventGoesToThePlatformOfTheDistrictWhereItOccurs() {
        assertThat(rules.route("02-01-01", QINDU).unit().id()).isEqualTo("district-610402");
        assertThat(rules.route("02-01-01", QINDU).unit().name()).isEqualTo("秦都区");
        assertThat(rules.route("02-01-01", WEICHENG).unit().id()).isEqualTo("district-610404");
    }

    @Test
    void emergencyGoesToTheOwningUtility() {
        Route gasLeak = rules.route("02-04-03", WEICHENG);

        assertThat(gasLeak.unit().id()).isEqualTo("dept-17");
        assertThat(gasLeak.unit().name()).isEqualTo("市天然气公司");
        assertThat(gasLeak.district().name()).isEqualTo("渭城区");
    }

    @Test
    void unknownCategoryCannotBeRouted() {
        assertThatThrownBy(() -> rules.route("09-99-99", QINDU))
                .isInstanceOfSatisfying(UnroutableCaseException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_CATEGORY))
                .hasMessageContaining("09-99-99");
        assertThatThrownBy(() -> rules.route(null, QINDU)).isInstanceOf(UnroutableCaseException.class);
    }

    @Test
    void unknownDistrictCannotBeRoutedEvenForADepartmentCategory() {
        assertThatThrownBy(() -> rules.route("02-01-01", "619999"))
                .isInstanceOfSatisfying(UnroutableCaseException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_DISTRICT))
                .hasMessageContaining("619999");
        assertThatThrownBy(() -> rules.route("01-01-01", null))
                .isInstanceOfSatisfying(UnroutableCaseException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_DISTRICT));
    }
}
