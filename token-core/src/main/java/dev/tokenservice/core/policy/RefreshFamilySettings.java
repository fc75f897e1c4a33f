package dev.tokenservice.core.policy;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How long a refresh-token family lives, and how a retired refresh token presented again is treated; clients may
 * override either.
 *
 * @param maxLifetime the absolute lifetime of a family, counted from its first grant: after it, rotation stops and
 *                    the user signs in again (OAuth 2.0 Security BCP §4.14.2); {@code null} for no limit
 * @param graceWindow how long after a rotation the retired token, presented again, gets the same successor pair
 *                    instead of counting as reuse, as long as that pair is untouched: for clients that lost the
 *                    answer to their refresh. {@link Duration#ZERO} (the default) turns it off; at most
 *                    {@link #MAX_GRACE_WINDOW}
 */
public record RefreshFamilySettings(@Nullable Duration maxLifetime, Duration graceWindow) {
    /** The longest grace window allowed: a lost answer is retried within seconds, and a longer window only widens the risk. */
    public static final Duration MAX_GRACE_WINDOW = Duration.ofMinutes(5);

    /** Families end ninety days after their first grant; no grace window. */
    public static final RefreshFamilySettings DEFAULT = new RefreshFamilySettings(Duration.ofDays(90), Duration.ZERO);

    public RefreshFamilySettings {
        Objects.requireNonNull(graceWindow, "graceWindow");
        if (maxLifetime != null && (maxLifetime.isZero() || maxLifetime.isNegative())) {
            throw new IllegalArgumentException("the family lifetime must be positive");
        }
        requireGraceWindow(graceWindow);
    }

    /** Fails with {@link IllegalArgumentException} unless {@code window} is between zero and {@link #MAX_GRACE_WINDOW}. */
    public static Duration requireGraceWindow(Duration window) {
        if (window.isNegative() || window.compareTo(MAX_GRACE_WINDOW) > 0) {
            throw new IllegalArgumentException("the refresh grace window must be between 0 and "
                    + MAX_GRACE_WINDOW.getSeconds() + " seconds");
        }
        return window;
    }

    public RefreshFamilySettings withMaxLifetime(@Nullable Duration value) {
        return new RefreshFamilySettings(value, graceWindow);
    }

    public RefreshFamilySettings withGraceWindow(Duration value) {
        return new RefreshFamilySettings(maxLifetime, value);
    }
}
