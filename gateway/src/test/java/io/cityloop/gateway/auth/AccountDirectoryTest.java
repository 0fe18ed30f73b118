package io.cityloop.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class AccountDirectoryTest {

    private final AccountDirectory demo = AccountDirectory.fromYaml(new ClassPathResource("accounts/demo-accounts.yml"));

    @Test
    void listsSixStaffTwentyOneDepartmentsAndThirteenDistricts() {
        assertThat(demo.all()).hasSize(6 + 21 + 13);
        assertThat(demo.all()).filteredOn(a -> a.username().startsWith("dept-")).hasSize(21);
        assertThat(demo.all()).filteredOn(a -> a.district() != null).hasSize(13);
    }

    @Test
    void departmentUsersCarryTheirUnitAndDepartmentName() {
        Account water = demo.find("dept-07").orElseThrow();
        assertThat(water).isEqualTo(new Account("dept-07", "市水利局", List.of("department"), "dept-07", null));
        assertThat(demo.find("dept-21").orElseThrow().name()).isEqualTo("中国联通分公司");
    }

    @Test
    void districtUsersCarryUnitAndDistrictCode() {
        Account qindu = demo.find("district-610402").orElseThrow();
        assertThat(qindu.name()).isEqualTo("秦都区城管平台");
        assertThat(qindu.unit()).isEqualTo("district-610402");
        assertThat(qindu.district()).isEqualTo("610402");
        assertThat(demo.find("district-610482").orElseThrow().name()).isEqualTo("彬州市城管平台");
    }

    @Test
    void shiftLeadIsAlsoAnOperator() {
        assertThat(demo.find("shiftlead").orElseThrow().roles()).containsExactly("shift-lead", "operator");
    }

    @Test
    void staffHaveNoUnit() {
        Account inspector = demo.find("inspector").orElseThrow();
        assertThat(inspector.name()).isEqualTo("张伟");
        assertThat(inspector.unit()).isNull();
    }

    @Test
    void unknownUserIsAbsent() {
        assertThat(demo.find("nobody")).isEmpty();
        assertThat(demo.find(null)).isEmpty();
    }

    @Test
    void rejectsAUserListedTwice() {
        assertThatThrownBy(() -> parse("""
                accounts:
                  - { username: a, name: A, roles: [admin] }
                  - { username: a, name: B, roles: [admin] }
                """)).hasMessageContaining("listed twice");
    }

    @Test
    void rejectsARoleThatDoesNotExist() {
        assertThatThrownBy(() -> parse("""
                accounts:
                  - { username: a, name: A, roles: [mayor] }
                """)).hasMessageContaining("unknown role mayor");
    }

    @Test
    void rejectsADocumentWithoutAccounts() {
        assertThatThrownBy(() -> parse("users: []")).hasMessageContaining("'accounts'");
    }

    private static AccountDirectory parse(String yaml) {
        return AccountDirectory.fromYaml(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
