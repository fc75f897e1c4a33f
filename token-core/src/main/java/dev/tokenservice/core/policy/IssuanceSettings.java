package dev.tokenservice.core.policy;

import dev.tokenservice.core.model.LiveTokenLimit;
import java.util.Objects;

/** Configures the {@link IssuancePolicy}. */
public record IssuanceSettings(TokenLifetimes lifetimes, LiveTokenLimit liveTokenLimit) {
    public static final IssuanceSettings DEFAULT =
            new IssuanceSettings(TokenLifetimes.DEFAULT, LiveTokenLimit.NEW_PER_REQUEST);

    public IssuanceSettings {
        Objects.requireNonNull(lifetimes, "lifetimes");
        Objects.requireNonNull(liveTokenLimit, "liveTokenLimit");
    }

    public IssuanceSettings withLifetimes(TokenLifetimes value) {
        return new IssuanceSettings(value, liveTokenLimit);
    }

    public IssuanceSettings withLiveTokenLimit(LiveTokenLimit value) {
        return new IssuanceSettings(lifetimes, value);
    }
}
