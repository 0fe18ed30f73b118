package io.cityloop.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CityReferenceTest {

    private final CityReference city = CityReference.load();

    @Test
    void hasThirteenDistrictsAndTwentyOneDepartments() {
        assertThat(city.districts()).hasSize(13);
        assertThat(city.units()).filteredOn(u -> u.kind() == HandlingUnit.Kind.DEPARTMENT).hasSize(21);
        assertThat(city.unit("dept-16").orElseThrow().name()).isEqualTo("市水务集团");
        assertThat(city.unit("district-610404").orElseThrow().name()).isEqualTo("渭城区");
    }

    @Test
    void theFixedCategoryCodesMeanWhatTheDomainSays() {
        Category garbage = city.catalog().find("02-01-01").orElseThrow();
        assertThat(garbage.name()).isEqualTo("暴露垃圾");
        assertThat(garbage.handledByDistrict()).isTrue();
        assertThat(garbage.handlingLimit()).isEqualTo(new TimeLimitSpec(1, WorkingTimeUnit.WORKING_DAYS));

        Category manhole = city.catalog().find("01-01-01").orElseThrow();
        assertThat(manhole.name()).isEqualTo("上水井盖");
        assertThat(manhole.kind()).isEqualTo(CategoryKind.COMPONENT);
        assertThat(manhole.defaultUnit()).isEqualTo("dept-16");
    }

    @Test
    void everyDistrictHasAResponsibleInspector() {
        city.districts().forEach(d -> assertThat(city.inspectorsFor(d.code())).isNotEmpty());
    }
}
