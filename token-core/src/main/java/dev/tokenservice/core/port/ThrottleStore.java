package dev.tokenservice.core.port;

import dev.tokenservice.core.model.FailureCount;
import dev.tokenservice.core.model.ThrottleKey;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts failed authentications per {@link ThrottleKey}, for the authentication throttle. Several servers that share
 * one store share the counts. Implementations must be thread-safe; {@link #recordFailure} must be atomic.
 */
public interface ThrottleStore {

    /** The failures counted under {@code key}; empty when there are none. */
    Optional<FailureCount> find(ThrottleKey key);

    /**
     * Counts one more failure under {@code key}, at {@code at}. When the key's last failure happened before
     * {@code restartBefore} (or it has none), the count starts again at 1. Atomic: of concurrent calls for one key,
     * each counts exactly once.
     *
     * @return the count including this failure
     */
    FailureCount recordFailure(ThrottleKey key, Instant at, Instant restartBefore);

    /** Forgets the failures counted under {@code key} (the key authenticated); nothing happens when it has none. */
    void clear(ThrottleKey key);

    /** Forgets every key whose last failure happened before {@code cutoff}; returns how many. */
    int forgetBefore(Instant cutoff);
}
