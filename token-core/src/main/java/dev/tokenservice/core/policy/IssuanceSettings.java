package dev.tokenservice.core.policy;

import dev.tokenservice.core.model.LiveTokenLimit;
import java.util.Objects;

/** Configures the {@link IssuancePolicy}. */
public record IssuanceSettings(TokenLifetimes lifetimes, LiveTokenLimit liveTokenLimit,
        RefreshFamilySettings refreshFamilies, AccessTokenFormats formats) {
    public static final IssuanceSettings DEFAULT = new IssuanceSettings(TokenLifetimes.DEFAULT,
            LiveTokenLimit.NEW_PER_REQUEST, RefreshFamilySettings.DEFAULT, AccessTokenFormats.DEFAULT);

    public IssuanceSettings {
        Objects.requireNonNull(lifetimes, "lifetimes");
        Objects.requireNonNull(liveTokenLimit, "liveTokenLimit");
        Objects.requireNonNull(refreshFamilies, "refreshFamilies");
        Objects.requireNonNull(formats, "formats");
    }

    /** Settings with the default refresh families and opaque access tokens. */
    public IssuanceSettings(TokenLifetimes lifetimes, LiveTokenLimit liveTokenLimit) {
        this(lifetimes, liveTokenLimit, RefreshFamilySettings.DEFAULT, AccessTokenFormats.DEFAULT);
    }

    public IssuanceSettings withLifetimes(TokenLifetimes value) {
        return new IssuanceSettings(value, liveTokenLimit, refreshFamilies, formats);
    }

    public IssuanceSettings withLiveTokenLimit(LiveTokenLimit value) {
        return new IssuanceSettings(lifetimes, value, refreshFamilies, formats);
    }

    public IssuanceSettings withRefreshFamilies(RefreshFamilySettings value) {
        return new IssuanceSettings(lifetimes, liveTokenLimit, value, formats);
    }

    public IssuanceSettings withFormats(AccessTokenFormats value) {
        return new IssuanceSettings(lifetimes, liveTokenLimit, refreshFamilies, value);
    }
}
