package dev.tokenservice.core.policy;

import java.time.Duration;
import java.util.Objects;

/** Default lifetimes of access and refresh tokens; clients may override either. */
public record TokenLifetimes(Duration accessToken, Duration refreshToken) {
    /** One hour and thirty days. */
    public static final TokenLifetimes DEFAULT = new TokenLifetimes(Duration.ofHours(1), Duration.ofDays(30));

    public TokenLifetimes {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        if (accessToken.isNegative() || accessToken.isZero() || refreshToken.isNegative() || refreshToken.isZero()) {
            throw new IllegalArgumentException("lifetimes must be positive");
        }
    }
}
