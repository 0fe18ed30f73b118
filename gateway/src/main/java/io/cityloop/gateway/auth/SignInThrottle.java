package io.cityloop.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing at {@code /api/auth/token}: at most {@code maxFailuresPerAccount} failed sign-ins for
 * one account and {@code maxFailuresPerClient} from one caller's address within {@code window}; past either, every
 * attempt is refused (429 with Retry-After) until the window that began with the first failure has passed, even
 * with the right password. A success clears the account's failures and does not count against the caller, so a
 * whole office behind one address signing in is not throttled.
 *
 * <p>An attempt is reserved before the password is checked, so a burst of parallel guesses cannot all slip through
 * before the first failure is recorded. Held in memory: one gateway's view (see gateway/README.md for several).
 */
public final class SignInThrottle {

    static final int MAX_ENTRIES = 50_000;

    private final int maxFailuresPerAccount;
    private final int maxFailuresPerClient;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> accounts = new ConcurrentHashMap<>();
    private final Map<String, Window> clients = new ConcurrentHashMap<>();

    public SignInThrottle(int maxFailuresPerAccount, int maxFailuresPerClient, Duration window, Clock clock) {
        this.maxFailuresPerAccount = maxFailuresPerAccount;
        this.maxFailuresPerClient = maxFailuresPerClient;
        this.window = window;
        this.clock = clock;
    }

    /** An attempt that may go ahead, to be reported back as {@link #succeeded} or {@link #failed}. */
    public record Attempt(String account, String client) {
    }

    /** The attempt, or how long the caller must wait when the account or the caller is throttled. */
    public sealed interface Decision permits Allowed, Refused {
    }

    public record Allowed(Attempt attempt) implements Decision {
    }

    public record Refused(Duration retryAfter, String why) implements Decision {
    }

    public Decision tryAttempt(String username, String client) {
        long now = clock.millis();
        prune(now);
        String account = username.trim().toLowerCase();
        Window byAccount = accounts.computeIfAbsent(account, k -> new Window());
        Window byClient = clients.computeIfAbsent(client, k -> new Window());
        long accountWait = byAccount.reserve(now, window.toMillis(), maxFailuresPerAccount);
        if (accountWait > 0) {
            return new Refused(Duration.ofMillis(accountWait), "too many failed sign-ins for this account");
        }
        long clientWait = byClient.reserve(now, window.toMillis(), maxFailuresPerClient);
        if (clientWait > 0) {
            byAccount.release();
            return new Refused(Duration.ofMillis(clientWait), "too many failed sign-ins from this address");
        }
        return new Allowed(new Attempt(account, client));
    }

    public void succeeded(Attempt attempt) {
        accounts.remove(attempt.account());
        Window byClient = clients.get(attempt.client());
        if (byClient != null) {
            byClient.release();
        }
    }

    public void failed(Attempt attempt) {
        // the reservation stands as the failure
    }

    private void prune(long now) {
        if (accounts.size() + clients.size() < MAX_ENTRIES) {
            return;
        }
        accounts.values().removeIf(w -> w.expired(now, window.toMillis()));
        clients.values().removeIf(w -> w.expired(now, window.toMillis()));
    }

    private static final class Window {

        private long start;
        private int count;

        /** Counts the attempt and answers 0, or the milliseconds to wait when the window is full. */
        synchronized long reserve(long now, long length, int max) {
            if (count == 0 || now - start >= length) {
                start = now;
                count = 0;
            }
            if (count >= max) {
                return Math.max(1, start + length - now);
            }
            count++;
            return 0;
        }

        synchronized void release() {
            if (count > 0) {
                count--;
            }
        }

        synchronized boolean expired(long now, long length) {
            return count == 0 || now - start >= length;
        }
    }
}
