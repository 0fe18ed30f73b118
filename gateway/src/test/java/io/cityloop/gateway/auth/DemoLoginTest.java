package io.cityloop.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DemoLoginTest {

    private final DemoLogin login = new DemoLogin(
            new AccountDirectory(List.of(new Account("operator", "李娜", List.of("operator"), null, null))),
            "cityloop");

    @Test
    void knownUserWithTheDemoPasswordSignsIn() {
        assertThat(login.signIn("operator", "cityloop")).map(Account::name).contains("李娜");
    }

    @Test
    void wrongPasswordIsRefused() {
        assertThat(login.signIn("operator", "cityloop!")).isEmpty();
        assertThat(login.signIn("operator", "")).isEmpty();
    }

    @Test
    void unknownUserIsRefusedEvenWithTheDemoPassword() {
        assertThat(login.signIn("mayor", "cityloop")).isEmpty();
    }
}
