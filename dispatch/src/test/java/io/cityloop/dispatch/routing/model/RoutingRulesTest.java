package io.cityloop.dispatch.routing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cityloop.dispatch.routing.model.UnroutableCaseException.Reason;
import io.cityloop.reference.CityReference;
import io.cityloop.reference.TimeLimitSpec;

class RoutingRulesTest {

    private static final String QINDU = "610402";
    private static final String WEICHENG = "610404";

    private static final CityReference REFERENCE = CityReference.load();

    private final Simple rules = new Simple(new RoutingRules(REFERENCE, new RuleSet(1, List.of())));

    /** Routes by category and district only, as the catalog's default units do where no rule matches. */
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
    void theCategoryTermsAsFiledDecideOverTheShippedCatalog() {
        CategoryTerms edited = new CategoryTerms("02-01-01", "暴露垃圾", "URGENT", TimeLimitSpec.workingHours(2),
                "dept-11", "2026.1-r3");

        Route route = rules.rules().route(RoutingRequest.of("02-01-01", QINDU, null), edited);

        assertThat(route.unit().name()).isEqualTo("市环境卫生管理中心");
        assertThat(route.ruleId()).isEqualTo(Route.CATALOG_DEFAULT);
        assertThat(route.category().handlingLimit()).isEqualTo(TimeLimitSpec.workingHours(2));
        assertThat(route.category().catalogVersion()).isEqualTo("2026.1-r3");
    }

    @Test
    void aCodeAddedToTheCatalogAfterShippingIsRoutedByItsTermsAutomaticallyAndByHand() {
        CategoryTerms added = new CategoryTerms("02-01-40", "占道晾晒", "ORDINARY", TimeLimitSpec.workingHours(8),
                "DISTRICT", "2026.1-r4");

        assertThat(rules.rules().route(RoutingRequest.of("02-01-40", WEICHENG, null), added).unit().id())
                .isEqualTo("district-610404");
        assertThat(rules.rules().manual("02-01-40", added, WEICHENG, "dept-11").unit().id()).isEqualTo("dept-11");
        assertThatThrownBy(() -> rules.route("02-01-40", WEICHENG))
                .isInstanceOfSatisfying(UnroutableCaseException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_CATEGORY));
    }

    @Test
    void aRuleOfTheCommandCenterBeatsTheCatalogsDefault() {
        RoutingRules withRule = new RoutingRules(REFERENCE, new RuleSet(2, List.of(new RoutingRule("sanitation",
                "02-01-01", null, null, null, null, "dept-11", "主干道保洁统一由环卫中心负责"))));

        Route route = withRule.route(RoutingRequest.of("02-01-01", QINDU, null));

        assertThat(route.unit().id()).isEqualTo("dept-11");
        assertThat(route.ruleId()).isEqualTo("sanitation");
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
