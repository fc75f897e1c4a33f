package dev.tokenservice.core.policy;

import dev.tokenservice.core.model.AccessTokenFormat;
import java.time.Duration;
import java.util.Objects;

/**
 * The server-wide access-token format and the default lifetime of JWT access tokens. A JWT is checked offline by
 * resource servers, which learn of its revocation only when it expires: hence a short default, five minutes.
 *
 * @param defaultFormat the format of clients that do not choose one
 * @param jwtLifetime   the lifetime of a JWT access token unless its client sets its own
 */
public record AccessTokenFormats(AccessTokenFormat defaultFormat, Duration jwtLifetime) {
    public static final Duration DEFAULT_JWT_LIFETIME = Duration.ofMinutes(5);
    public static final AccessTokenFormats DEFAULT =
            new AccessTokenFormats(AccessTokenFormat.OPAQUE, DEFAULT_JWT_LIFETIME);

    public AccessTokenFormats {
        Objects.requireNonNull(defaultFormat, "defaultFormat");
        Objects.requireNonNull(jwtLifetime, "jwtLifetime");
        if (jwtLifetime.isZero() || jwtLifetime.isNegative()) {
            throw new IllegalArgumentException("jwtLifetime must be positive");
        }
    }
}
