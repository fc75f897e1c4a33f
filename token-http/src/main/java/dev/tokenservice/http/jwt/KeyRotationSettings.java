package dev.tokenservice.http.jwt;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How signing keys are made and rotated.
 *
 * @param algorithm        the algorithm of new keys
 * @param publishAhead     how long a new key is published before it signs: longer than any resource server caches
 *                         the key set, so none meets a token whose key it has not fetched
 * @param rotationInterval how long a key signs before the next one is made; {@code null} rotates only on demand
 */
public record KeyRotationSettings(
        SigningAlgorithm algorithm, Duration publishAhead, @Nullable Duration rotationInterval) {
    public static final Duration DEFAULT_PUBLISH_AHEAD = Duration.ofHours(1);
    public static final Duration DEFAULT_ROTATION_INTERVAL = Duration.ofDays(30);
    public static final KeyRotationSettings DEFAULT =
            new KeyRotationSettings(SigningAlgorithm.ES256, DEFAULT_PUBLISH_AHEAD, DEFAULT_ROTATION_INTERVAL);

    public KeyRotationSettings {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(publishAhead, "publishAhead");
        if (publishAhead.isNegative()) {
            throw new IllegalArgumentException("publishAhead must not be negative");
        }
        if (rotationInterval != null && (rotationInterval.isZero() || rotationInterval.isNegative())) {
            throw new IllegalArgumentException("rotationInterval must be positive");
        }
    }
}
