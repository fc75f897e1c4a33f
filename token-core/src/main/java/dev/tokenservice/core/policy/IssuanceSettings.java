package dev.tokenservice.core.policy;

import java.util.Objects;

/** Configures the {@link IssuancePolicy}. */
public record IssuanceSettings(TokenLifetimes lifetimes, LiveTokenLimit liveTokenLimit, AccessTokenFormats formats) {
    public static final IssuanceSettings DEFAULT =
            new IssuanceSettings(TokenLifetimes.DEFAULT, LiveTokenLimit.NEW_PER_REQUEST, AccessTokenFormats.DEFAULT);

    public IssuanceSettings {
        Objects.requireNonNull(lifetimes, "lifetimes");
        Objects.requireNonNull(liveTokenLimit, "liveTokenLimit");
        Objects.requireNonNull(formats, "formats");
    }

    /** Settings with opaque access tokens by default ({@link AccessTokenFormats#DEFAULT}). */
    public IssuanceSettings(TokenLifetimes lifetimes, LiveTokenLimit liveTokenLimit) {
        this(lifetimes, liveTokenLimit, AccessTokenFormats.DEFAULT);
    }

    public IssuanceSettings withLifetimes(TokenLifetimes value) {
        return new IssuanceSettings(value, liveTokenLimit, formats);
    }

    public IssuanceSettings withLiveTokenLimit(LiveTokenLimit value) {
        return new IssuanceSettings(lifetimes, value, formats);
    }

    public IssuanceSettings withFormats(AccessTokenFormats value) {
        return new IssuanceSettings(lifetimes, liveTokenLimit, value);
    }
}
