package io.cityloop.platform.security;

import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller as the token describes it. {@code unit} is the handling unit (处置单位) of department and district
 * users, {@code district} the district code of district users.
 */
public record CurrentUser(String username, String name, Set<String> roles, String unit, String district) {

    public static CurrentUser of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(RoleAuthorities.ROLES_CLAIM);
        String name = jwt.getClaimAsString("name");
        return new CurrentUser(jwt.getSubject(), name == null ? jwt.getSubject() : name,
                roles == null ? Set.of() : Set.copyOf(roles), jwt.getClaimAsString("unit"),
                jwt.getClaimAsString("district"));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... candidates) {
        for (String role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** The role recorded in a timeline entry: the most specific role the user acted in. */
    public String actingRole(String... preferred) {
        for (String role : preferred) {
            if (roles.contains(role)) {
                return role;
            }
        }
        return roles.stream().sorted().findFirst().orElse("unknown");
    }

    public boolean belongsTo(String unitId) {
        return unit != null && unit.equals(unitId);
    }
}
