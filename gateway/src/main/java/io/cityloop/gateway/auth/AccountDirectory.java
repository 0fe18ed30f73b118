package io.cityloop.gateway.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The accounts the local issuer knows, read from a YAML list so that the 40-odd demo users (and a city's own list)
 * are data to edit, not code to change.
 */
public final class AccountDirectory {

    private final Map<String, Account> byUsername;

    public AccountDirectory(Collection<Account> accounts) {
        Map<String, Account> index = new LinkedHashMap<>();
        for (Account account : accounts) {
            if (index.putIfAbsent(account.username(), account) != null) {
                throw new IllegalArgumentException("account " + account.username() + " is listed twice");
            }
        }
        this.byUsername = index;
    }

    /** Reads a document of the form {@code accounts: [{username, name, roles, unit?, district?}, …]}. */
    public static AccountDirectory fromYaml(InputStream yaml) {
        Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (document == null || !(document.get("accounts") instanceof List<?> entries)) {
            throw new IllegalArgumentException("the account list needs a top-level 'accounts' list");
        }
        return new AccountDirectory(entries.stream().map(AccountDirectory::account).toList());
    }

    public static AccountDirectory fromYaml(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return fromYaml(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the account list " + resource, e);
        }
    }

    public Optional<Account> find(String username) {
        return Optional.ofNullable(username).map(byUsername::get);
    }

    public Collection<Account> all() {
        return byUsername.values();
    }

    private static Account account(Object entry) {
        if (!(entry instanceof Map<?, ?> fields)) {
            throw new IllegalArgumentException("account entry is not a mapping: " + entry);
        }
        Object roles = fields.get("roles");
        return new Account(text(fields.get("username")), text(fields.get("name")),
                roles instanceof List<?> list ? list.stream().map(AccountDirectory::text).toList() : List.of(),
                text(fields.get("unit")), text(fields.get("district")));
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
