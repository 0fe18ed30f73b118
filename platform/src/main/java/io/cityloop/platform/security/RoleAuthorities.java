package io.cityloop.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Maps the token's {@code roles} claim ({@code shift-lead}) to Spring authorities ({@code ROLE_SHIFT_LEAD}). */
public class RoleAuthorities implements Converter<Jwt, Collection<GrantedAuthority>> {

    public static final String ROLES_CLAIM = "roles";

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
        if (roles == null) {
            return List.of();
        }
        return roles.stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(authorityOf(role)))
                .toList();
    }

    public static String authorityOf(String role) {
        return "ROLE_" + role.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
