package io.cityloop.dispatch.routing.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cityloop.dispatch.routing.model.InvalidRuleSetException;
import io.cityloop.dispatch.routing.model.Route;
import io.cityloop.dispatch.routing.model.RoutingRequest;
import io.cityloop.dispatch.routing.model.RoutingRule;
import io.cityloop.dispatch.routing.model.RoutingRules;
import io.cityloop.dispatch.routing.model.RuleSet;
import io.cityloop.dispatch.routing.model.UnroutableCaseException;
import io.cityloop.reference.Category;
import io.cityloop.reference.CityReference;

/** The shipped rule set: valid, most specific rule wins, and the validation that guards every edit. */
class ShippedRoutingRulesTest {

    private static final CityReference REFERENCE = CityReference.load();
    private static final RuleSet SHIPPED = ShippedRoutingRules.load(Clock.systemUTC()).ruleSet();
    private static final RoutingRules RULES = new RoutingRules(REFERENCE, SHIPPED);
    private static final String QINDU_CELL = "6104020010010001";
    private static final String QINDU_OTHER_STREET_CELL = "6104020050010001";
    private static final String WEICHENG_CELL = "6104040010010001";

    @Test
    void shippedRulesAreValidAndLeaveEveryCategorysDefaultToTheCatalog() {
        SHIPPED.validate(REFERENCE);

        assertThat(SHIPPED.rules()).noneMatch(RoutingRule::isCategoryDefault);
        for (Category category : REFERENCE.catalog().all()) {
            Route route = RULES.route(RoutingRequest.of(category.code(), "610422", "6104220010010001"));
            assertThat(route.ruleId()).as(category.code()).isEqualTo(Route.CATALOG_DEFAULT);
            assertThat(route.unit().id()).as(category.code())
                    .isEqualTo(category.handledByDistrict() ? "district-610422" : category.defaultUnit());
            assertThat(route.category().catalogVersion()).isEqualTo(REFERENCE.catalog().version());
        }
    }

    @Test
    void districtRuleBeatsTheCategoryDefault() {
        Route weicheng = RULES.route(RoutingRequest.of("02-04-06", "610404", WEICHENG_CELL));
        Route qindu = RULES.route(RoutingRequest.of("02-04-06", "610402", QINDU_CELL));

        assertThat(weicheng.unit().id()).isEqualTo("dept-16");
        assertThat(weicheng.ruleId()).isEqualTo("weicheng-missing-cover");
        assertThat(qindu.unit().id()).isEqualTo("dept-10");
        assertThat(qindu.ruleId()).isEqualTo(Route.CATALOG_DEFAULT);
    }

    @Test
    void ownerRuleBeatsAPlaceRule() {
        Route gasCover = RULES.route(new RoutingRequest("02-04-06", "610404", WEICHENG_CELL, "dept-17"));

        assertThat(gasCover.unit().name()).isEqualTo("市天然气公司");
        assertThat(gasCover.ruleId()).isEqualTo("owner-02-04-06-dept-17");
    }

    @Test
    void streetRuleAppliesOnlyInItsStreet() {
        assertThat(RULES.route(RoutingRequest.of("02-01-03", "610402", QINDU_CELL)).unit().id()).isEqualTo("dept-11");
        assertThat(RULES.route(RoutingRequest.of("02-01-03", "610402", QINDU_OTHER_STREET_CELL)).unit().id())
                .isEqualTo("district-610402");
    }

    @Test
    void manualDispatchToAnotherDistrictsPlatformIsRefused() {
        assertThat(RULES.manual("02-01-01", "610402", "DISTRICT").unit().id()).isEqualTo("district-610402");
        assertThat(RULES.manual("02-01-01", "610402", "dept-11").ruleId()).isEqualTo(Route.MANUAL);
        assertThatThrownBy(() -> RULES.manual("02-01-01", "610402", "district-610404"))
                .isInstanceOfSatisfying(UnroutableCaseException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnroutableCaseException.Reason.FOREIGN_DISTRICT));
    }

    @Test
    void anEditThatNamesAnUnknownUnitOrCategoryIsRefusedWithEveryViolation() {
        List<RoutingRule> edited = new ArrayList<>(SHIPPED.rules());
        edited.add(new RoutingRule("unknown", "09-99-99", null, null, null, null, "dept-10", null));
        edited.add(new RoutingRule("typo", "02-04-06", "610402", null, null, null, "dept-99", null));
        edited.add(new RoutingRule("twin", "02-04-06", "610404", null, null, null, "dept-10", null));
        edited.add(new RoutingRule("lost-street", "02-01-03", "610402", "610404001", null, null, "dept-11", null));

        assertThatThrownBy(() -> new RuleSet(2, edited).validate(REFERENCE))
                .isInstanceOfSatisfying(InvalidRuleSetException.class, e -> assertThat(e.broken())
                        .extracting(v -> v.rule())
                        .contains("known-category", "known-unit", "unambiguous", "inside"));
    }
}
