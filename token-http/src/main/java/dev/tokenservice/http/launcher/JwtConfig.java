package dev.tokenservice.http.launcher;

import dev.tokenservice.core.model.AccessTokenFormat;
import dev.tokenservice.core.policy.AccessTokenFormats;
import dev.tokenservice.http.jwt.KeyRotationSettings;
import dev.tokenservice.http.jwt.SigningAlgorithm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The stand-alone server's settings of access-token formats and of the keys that sign JWT access tokens.
 *
 * @param defaultFormat    {@code TOKEN_ACCESS_TOKEN_FORMAT}: {@code opaque} (default) or {@code jwt}, for clients
 *                         that do not choose (a bootstrap entry's {@code access_token_format})
 * @param accessTokenTtl   {@code TOKEN_JWT_ACCESS_TTL} in seconds (default 300): the lifetime of a JWT access token
 *                         unless its client sets one; short, since a resource server that verifies offline learns of
 *                         a revocation only at expiry
 * @param audience         {@code TOKEN_JWT_AUDIENCE}: the {@code aud} claim; {@code null} for the issuer
 * @param algorithm        {@code TOKEN_JWT_ALGORITHM}: {@code ES256} (default) or {@code RS256}, for new keys
 * @param keysFile         {@code TOKEN_JWT_KEYS_FILE}: the signing-key file; {@code null} for
 *                         {@code <data>/jwt-signing-keys.json}
 * @param keysInMemory     keep the keys in memory only (tests and demos; no setting of its own)
 * @param publishAhead     {@code TOKEN_JWT_KEY_PUBLISH_AHEAD} in seconds (default 3600): how long a new key is
 *                         published before it signs
 * @param rotationInterval {@code TOKEN_JWT_ROTATION_INTERVAL} in seconds (default 2592000, 30 days; 0 rotates only
 *                         on demand): how long a key signs before the next one is made
 */
public record JwtConfig(
        AccessTokenFormat defaultFormat,
        Duration accessTokenTtl,
        @Nullable String audience,
        SigningAlgorithm algorithm,
        @Nullable Path keysFile,
        boolean keysInMemory,
        Duration publishAhead,
        @Nullable Duration rotationInterval) {

    /** The file name of the signing keys in the data folder. */
    public static final String KEYS_FILE = "jwt-signing-keys.json";
    /** Opaque tokens by default, JWT settings at their defaults, keys in memory. */
    public static final JwtConfig EPHEMERAL = new JwtConfig(AccessTokenFormat.OPAQUE,
            AccessTokenFormats.DEFAULT_JWT_LIFETIME, null, SigningAlgorithm.ES256, null, true,
            KeyRotationSettings.DEFAULT_PUBLISH_AHEAD, KeyRotationSettings.DEFAULT_ROTATION_INTERVAL);

    public JwtConfig {
        Objects.requireNonNull(defaultFormat, "defaultFormat");
        Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(publishAhead, "publishAhead");
        if (audience != null && audience.isBlank()) {
            throw new IllegalArgumentException("TOKEN_JWT_AUDIENCE must not be blank");
        }
        // Validated here so that a bad value names its setting rather than a record component.
        new AccessTokenFormats(defaultFormat, accessTokenTtl);
        new KeyRotationSettings(algorithm, publishAhead, rotationInterval);
    }

    static JwtConfig read(Settings settings) {
        long rotation = settings.nonNegative("TOKEN_JWT_ROTATION_INTERVAL",
                KeyRotationSettings.DEFAULT_ROTATION_INTERVAL.getSeconds());
        return new JwtConfig(
                format(settings.text("TOKEN_ACCESS_TOKEN_FORMAT").orElse(AccessTokenFormat.OPAQUE.wireName())),
                Duration.ofSeconds(settings.positive("TOKEN_JWT_ACCESS_TTL",
                        AccessTokenFormats.DEFAULT_JWT_LIFETIME.getSeconds())),
                settings.text("TOKEN_JWT_AUDIENCE").orElse(null),
                algorithm(settings.text("TOKEN_JWT_ALGORITHM").orElse(SigningAlgorithm.ES256.name())),
                settings.text("TOKEN_JWT_KEYS_FILE").map(Path::of).orElse(null),
                false,
                Duration.ofSeconds(settings.nonNegative("TOKEN_JWT_KEY_PUBLISH_AHEAD",
                        KeyRotationSettings.DEFAULT_PUBLISH_AHEAD.getSeconds())),
                rotation == 0 ? null : Duration.ofSeconds(rotation));
    }

    private static AccessTokenFormat format(String name) {
        try {
            return AccessTokenFormat.of(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TOKEN_ACCESS_TOKEN_FORMAT must be opaque or jwt");
        }
    }

    private static SigningAlgorithm algorithm(String name) {
        try {
            return SigningAlgorithm.named(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TOKEN_JWT_ALGORITHM must be ES256 or RS256");
        }
    }

    /** The core's format settings. */
    public AccessTokenFormats formats() {
        return new AccessTokenFormats(defaultFormat, accessTokenTtl);
    }

    /** How keys are made and rotated. */
    public KeyRotationSettings rotation() {
        return new KeyRotationSettings(algorithm, publishAhead, rotationInterval);
    }

    /** The {@code aud} of the tokens of a server whose issuer is {@code issuer}. */
    public String audienceFor(String issuer) {
        return audience != null ? audience : issuer;
    }

    /** The key file of a server whose data folder is {@code dataDir}. */
    public Path keysFileIn(Path dataDir) {
        return keysFile != null ? keysFile : dataDir.resolve(KEYS_FILE);
    }

    /** This configuration with another default format. */
    public JwtConfig withDefaultFormat(AccessTokenFormat value) {
        return new JwtConfig(value, accessTokenTtl, audience, algorithm, keysFile, keysInMemory, publishAhead,
                rotationInterval);
    }

    /** This configuration with another algorithm for new keys. */
    public JwtConfig withAlgorithm(SigningAlgorithm value) {
        return new JwtConfig(defaultFormat, accessTokenTtl, audience, value, keysFile, keysInMemory, publishAhead,
                rotationInterval);
    }

    /** This configuration with another publication lead time. */
    public JwtConfig withPublishAhead(Duration value) {
        return new JwtConfig(defaultFormat, accessTokenTtl, audience, algorithm, keysFile, keysInMemory, value,
                rotationInterval);
    }
}
