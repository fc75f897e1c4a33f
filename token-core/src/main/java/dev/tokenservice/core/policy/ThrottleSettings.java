package dev.tokenservice.core.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * Configures the authentication throttle (RFC 6749 §2.3.1, §4.3.2: protection against brute force at the token
 * endpoint). A key is never locked: after {@code failures} failures within {@code window} it must wait
 * {@code firstDelay} after its latest failure, twice as long after each further failure, but never more than
 * {@code maxDelay}; one success forgets its failures.
 *
 * @param failures       failures of a client id, or of a username through one client, before the first wait
 * @param sharedFailures failures before the first wait of a key that many callers share: a username through all
 *                       clients together, a client's third-party grant (all its users); higher than
 *                       {@code failures}, so that guessing through one client delays the user there first, and a few
 *                       refused third-party tokens do not delay every user of a client
 * @param firstDelay     the first wait
 * @param maxDelay       the longest wait: what a legitimate caller waits at most once the guessing stops
 * @param window         how long a failure is remembered; at least {@code maxDelay}
 */
public record ThrottleSettings(int failures, int sharedFailures, Duration firstDelay, Duration maxDelay,
        Duration window) {
    /** 5 failures (20 for a shared key), then 1 s doubling up to 5 minutes; failures remembered for 15 minutes. */
    public static final ThrottleSettings DEFAULT = new ThrottleSettings(5, 20, Duration.ofSeconds(1),
            Duration.ofMinutes(5), Duration.ofMinutes(15));

    public ThrottleSettings {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(window, "window");
        if (failures < 1 || sharedFailures < 1) {
            throw new IllegalArgumentException("failures before a wait must be at least 1");
        }
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("the first wait must be positive and not above the longest wait");
        }
        if (window.compareTo(maxDelay) < 0) {
            throw new IllegalArgumentException("the window must be at least the longest wait");
        }
    }
}
