package dev.tokenservice.core.auth;

import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.model.FailureCount;
import dev.tokenservice.core.model.ThrottleKey;
import dev.tokenservice.core.policy.ThrottlePolicy;
import dev.tokenservice.core.policy.ThrottleSettings;
import dev.tokenservice.core.port.ThrottleStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Slows down guessing of client secrets, passwords and third-party tokens (RFC 6749 §2.3.1, §4.3.2; RFC 6819
 * §4.4.3.6, §5.1.4.2.3). A check {@link #admit admits} an attempt before any hash is computed, and refuses it with a
 * retry-after when a key of the attempt is waiting under the {@link ThrottlePolicy}; the caller then reports the
 * attempt's outcome. A refused attempt is not counted, so hammering a waiting key does not lengthen its wait; a
 * success forgets the failures of its keys. The success path reads each key once and writes only when the key had
 * failures. Thread-safe.
 */
public final class AuthenticationThrottle {
    private final ThrottleStore store;
    private final ThrottlePolicy policy;
    private final Clock clock;

    public AuthenticationThrottle(ThrottleStore store, ThrottleSettings settings, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.policy = new ThrottlePolicy(Objects.requireNonNull(settings, "settings"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Admits an attempt to authenticate under {@code keys}.
     *
     * @throws OAuthException {@code temporarily_unavailable} with the longest wait of the keys, when one must wait
     */
    public Attempt admit(ThrottleKey... keys) {
        Instant now = clock.instant();
        List<ThrottleKey> counted = new ArrayList<>(keys.length);
        Duration wait = Duration.ZERO;
        for (ThrottleKey key : keys) {
            Optional<FailureCount> count = store.find(key);
            if (count.isPresent()) {
                counted.add(key);
                Duration remaining = policy.remainingWait(key, count.get(), now).orElse(Duration.ZERO);
                wait = remaining.compareTo(wait) > 0 ? remaining : wait;
            }
        }
        if (!wait.isZero()) {
            throw OAuthException.throttled(wait);
        }
        return new Attempt(List.of(keys), counted);
    }

    /** Forgets the keys whose failures no longer count; returns how many. For a periodic cleanup. */
    public int forgetExpired() {
        return store.forgetBefore(policy.restartBefore(clock.instant()));
    }

    /** An admitted attempt, whose outcome its caller reports once. */
    public final class Attempt {
        private final List<ThrottleKey> keys;
        private final List<ThrottleKey> withFailures;

        private Attempt(List<ThrottleKey> keys, List<ThrottleKey> withFailures) {
            this.keys = keys;
            this.withFailures = withFailures;
        }

        /** The credentials were wrong: counts a failure under every key. */
        public void failed() {
            Instant now = clock.instant();
            for (ThrottleKey key : keys) {
                store.recordFailure(key, now, policy.restartBefore(now));
            }
        }

        /** The credentials were right: forgets the failures of the keys that had any. */
        public void succeeded() {
            withFailures.forEach(store::clear);
        }
    }
}
