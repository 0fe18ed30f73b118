package io.cityloop.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Checks a demo sign-in: a known user name and the shared demo password.
 *
 * <p>Both sides are hashed before comparing so the comparison takes the same time whatever the password's length
 * or first wrong character, and the password is checked even for unknown users so timing does not reveal which
 * user names exist.
 */
public final class DemoLogin {

    private final AccountDirectory accounts;
    private final byte[] passwordDigest;

    public DemoLogin(AccountDirectory accounts, String demoPassword) {
        if (demoPassword == null || demoPassword.isEmpty()) {
            throw new IllegalArgumentException("cityloop.auth.demo-password must not be empty");
        }
        this.accounts = accounts;
        this.passwordDigest = digest(demoPassword);
    }

    public Optional<Account> signIn(String username, String password) {
        boolean passwordMatches = MessageDigest.isEqual(passwordDigest, digest(password));
        Optional<Account> account = accounts.find(username);
        return passwordMatches ? account : Optional.empty();
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }
}
