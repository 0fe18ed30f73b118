package io.cityloop.gateway.platform;

import java.util.List;
import java.util.Locale;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Flux;

/**
 * Turns the {@code roles} claim into Spring authorities: {@code shift-lead} becomes {@code ROLE_SHIFT_LEAD}, as
 * the service conventions fix it. Spring's stock converter only prefixes and would keep the lower-case hyphenated
 * name, which {@code hasRole("SHIFT_LEAD")} never matches.
 */
public class RoleClaimAuthorities implements Converter<Jwt, Flux<GrantedAuthority>> {

    public static final String CLAIM = "roles";

    @Override
    public Flux<GrantedAuthority> convert(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(CLAIM);
        if (roles == null) {
            return Flux.empty();
        }
        return Flux.fromIterable(roles).map(RoleClaimAuthorities::authority);
    }

    static GrantedAuthority authority(String role) {
        return new SimpleGrantedAuthority("ROLE_" + role.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
