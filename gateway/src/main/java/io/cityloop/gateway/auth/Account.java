package io.cityloop.gateway.auth;

import java.util.List;
import java.util.Set;

/**
 * Someone the local issuer can sign in, with exactly the claims the services scope their data by.
 *
 * @param username the {@code sub} claim
 * @param name     display name, in Chinese as users read it
 * @param roles    CityLoop roles such as {@code shift-lead}
 * @param unit     handling unit ({@code dept-07}, {@code district-610402}); only department and district users
 * @param district county-level administrative code; only district users
 */
public record Account(String username, String name, List<String> roles, String unit, String district) {

    /** The roles of docs/service-conventions.md; anything else in the account list is a typo. */
    public static final Set<String> KNOWN_ROLES =
            Set.of("inspector", "operator", "shift-lead", "dispatcher", "department", "supervisor", "admin");

    public Account {
        requireText(username, "username");
        requireText(name, "name of " + username);
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("account " + username + " has no roles");
        }
        roles = List.copyOf(roles);
        roles.stream().filter(role -> !KNOWN_ROLES.contains(role)).findFirst().ifPresent(role -> {
            throw new IllegalArgumentException("account " + username + " has unknown role " + role);
        });
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("account without " + what);
        }
    }
}
