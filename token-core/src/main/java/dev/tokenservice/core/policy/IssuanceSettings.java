package dev.tokenservice.core.policy;

import dev.tokenservice.core.model.LiveTokenLimit;
import java.util.Objects;

/** Configures the {@link IssuancePolicy}. */
public record IssuanceSettings(TokenLifetimes lifetimes, LiveTokenLimit liveTokenLimit,
        RefreshFamilySettings refreshFamilies) {
    public static final IssuanceSettings DEFAULT =
            new IssuanceSettings(TokenLifetimes.DEFAULT, LiveTokenLimit.NEW_PER_REQUEST, RefreshFamilySettings.DEFAULT);

    public IssuanceSettings {
        Objects.requireNonNull(lifetimes, "lifetimes");
        Objects.requireNonNull(liveTokenLimit, "liveTokenLimit");
        Objects.requireNonNull(refreshFamilies, "refreshFamilies");
    }

    /** Settings with the default refresh families ({@link RefreshFamilySettings#DEFAULT}). */
    public IssuanceSettings(TokenLifetimes lifetimes, LiveTokenLimit liveTokenLimit) {
        this(lifetimes, liveTokenLimit, RefreshFamilySettings.DEFAULT);
    }

    public IssuanceSettings withLifetimes(TokenLifetimes value) {
        return new IssuanceSettings(value, liveTokenLimit, refreshFamilies);
    }

    public IssuanceSettings withLiveTokenLimit(LiveTokenLimit value) {
        return new IssuanceSettings(lifetimes, value, refreshFamilies);
    }

    public IssuanceSettings withRefreshFamilies(RefreshFamilySettings value) {
        return new IssuanceSettings(lifetimes, liveTokenLimit, value);
    }
}
