package io.cityloop.gateway.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class RoleClaimAuthoritiesTest {

    @Test
    void hyphenatedRolesBecomeUpperCaseAuthorities() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256")
                .claim("roles", List.of("shift-lead", "operator")).build();

        List<String> authorities = new RoleClaimAuthorities().convert(jwt)
                .map(GrantedAuthority::getAuthority).collectList().block();

        assertThat(authorities).containsExactly("ROLE_SHIFT_LEAD", "ROLE_OPERATOR");
    }

    @Test
    void aTokenWithoutRolesGrantsNothing() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("x").build();

        assertThat(new RoleClaimAuthorities().convert(jwt).collectList().block()).isEmpty();
    }
}
