package io.cityloop.notification.delivery.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.cityloop.reference.BrokenRule;

/**
 * What an endpoint must look like per channel: robot and webhook URLs over https (plain http only where a deployment
 * allows it, e.g. tests and a local receiver), a mainland mobile number for SMS, an e-mail address, and a secret where
 * the channel signs.
 */
public final class EndpointRules {

    private static final Pattern MOBILE = Pattern.compile("(\\+?86)?1[3-9]\\d{9}");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    static final int MIN_SECRET_LENGTH = 16;
    static final int MAX_LENGTH = 2048;

    private final boolean requireHttps;

    public EndpointRules(boolean requireHttps) {
        this.requireHttps = requireHttps;
    }

    public List<BrokenRule> check(Channel channel, String endpoint, String secret) {
        List<BrokenRule> violations = new ArrayList<>();
        if (endpoint == null || endpoint.isBlank()) {
            violations.add(new BrokenRule("endpoint", "required", "must not be blank"));
            return violations;
        }
        if (endpoint.length() > MAX_LENGTH) {
            violations.add(new BrokenRule("endpoint", "max-length", "must be at most " + MAX_LENGTH + " characters"));
            return violations;
        }
        switch (channel) {
            case SMS -> {
                if (!MOBILE.matcher(endpoint).matches()) {
                    violations.add(new BrokenRule("endpoint", "mobile-number",
                            "must be a mainland China mobile number, e.g. 13800138000"));
                }
            }
            case EMAIL -> {
                if (endpoint.length() > 254 || !EMAIL.matcher(endpoint).matches()) {
                    violations.add(new BrokenRule("endpoint", "email", "must be an e-mail address"));
                }
            }
            case WECOM -> url(endpoint, violations);
            case DINGTALK, WEBHOOK -> {
                url(endpoint, violations);
                if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
                    violations.add(new BrokenRule("secret", "min-length",
                            "must be at least " + MIN_SECRET_LENGTH + " characters (the " + channel.name()
                                    .toLowerCase(Locale.ROOT) + " signing secret)"));
                }
            }
        }
        return violations;
    }

    private void url(String endpoint, List<BrokenRule> violations) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            violations.add(new BrokenRule("endpoint", "url", "must be an absolute URL"));
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            violations.add(new BrokenRule("endpoint", "url", "must be an absolute http(s) URL"));
        } else if (requireHttps && !scheme.equals("https")) {
            violations.add(new BrokenRule("endpoint", "https", "must use https"));
        } else if (uri.getUserInfo() != null) {
            violations.add(new BrokenRule("endpoint", "url", "must not carry a user name or password"));
        }
    }
}
