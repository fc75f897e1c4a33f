package dev.tokenservice.core.policy;

import dev.tokenservice.core.model.FailureCount;
import dev.tokenservice.core.model.ThrottleKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides how long a key must wait after its failed authentications, under {@link ThrottleSettings}: nothing below
 * the threshold of its kind, then the first delay doubling with each further failure up to the longest delay, counted
 * from the latest failure. Failures older than the window no longer count. Thread-safe.
 */
public final class ThrottlePolicy {
    private final ThrottleSettings settings;

    public ThrottlePolicy(ThrottleSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** How much longer {@code key} must wait at {@code now}; empty when it may try. */
    public Optional<Duration> remainingWait(ThrottleKey key, FailureCount count, Instant now) {
        if (count.lastFailure().isBefore(restartBefore(now))) {
            return Optional.empty();
        }
        int over = count.failures() - threshold(key);
        if (over < 0) {
            return Optional.empty();
        }
        Duration remaining = Duration.between(now, count.lastFailure().plus(delay(over)));
        return remaining.isNegative() || remaining.isZero() ? Optional.empty() : Optional.of(remaining);
    }

    /** A failure counted at {@code now} restarts the count of a key whose last failure is before this instant. */
    public Instant restartBefore(Instant now) {
        return now.minus(settings.window());
    }

    private int threshold(ThrottleKey key) {
        return switch (key.kind()) {
            case USER, THIRD_PARTY -> settings.sharedFailures();
            case CLIENT, PAIR -> settings.failures();
        };
    }

    /** The first delay doubled {@code over} times, capped; the shift is bounded so it cannot overflow. */
    private Duration delay(int over) {
        Duration delay = settings.firstDelay().multipliedBy(1L << Math.min(over, 30));
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }
}
