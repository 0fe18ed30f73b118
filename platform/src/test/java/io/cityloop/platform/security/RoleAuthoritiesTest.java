package io.cityloop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class RoleAuthoritiesTest {

    private static Jwt token(Object roles) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("shiftlead").claim("name", "王强")
                .claim("roles", roles).issuedAt(Instant.parse("2026-11-23T01:00:00Z"))
                .expiresAt(Instant.parse("2026-11-23T09:00:00Z")).build();
    }

    @Test
    void mapsHyphenatedRolesToSpringAuthorities() {
        List<String> authorities = new RoleAuthorities().convert(token(List.of("shift-lead", "operator"))).stream()
                .map(GrantedAuthority::getAuthority).toList();

        assertThat(authorities).containsExactly("ROLE_SHIFT_LEAD", "ROLE_OPERATOR");
    }

    @Test
    void currentUserCarriesUnitAndActingRole() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("dept-16").claim("name", "市水务集团")
                .claim("roles", List.of("department")).claim("unit", "dept-16").build();

        CurrentUser user = CurrentUser.of(jwt);

        assertThat(user.belongsTo("dept-16")).isTrue();
        assertThat(user.belongsTo("dept-01")).isFalse();
        assertThat(user.actingRole("operator", "department")).isEqualTo("department");
        assertThat(user.name()).isEqualTo("市水务集团");
    }
}
