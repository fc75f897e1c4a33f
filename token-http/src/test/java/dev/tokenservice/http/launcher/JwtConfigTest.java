package dev.tokenservice.http.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.model.AccessTokenFormat;
import dev.tokenservice.http.jwt.SigningAlgorithm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The settings of access-token formats and JWT signing keys, as the stand-alone server reads them. */
class JwtConfigTest {

    private static JwtConfig read(Map<String, String> environment) {
        return ServerConfig.from(environment, new Properties()).jwt();
    }

    @Test
    void fromWhenNothingSetThenOpaqueByDefaultAndShortLivedEs256Jwts() {
        JwtConfig jwt = read(Map.of());

        assertThat(jwt.defaultFormat()).isEqualTo(AccessTokenFormat.OPAQUE);
        assertThat(jwt.accessTokenTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(jwt.algorithm()).isEqualTo(SigningAlgorithm.ES256);
        assertThat(jwt.audienceFor("https://auth.example.com")).isEqualTo("https://auth.example.com");
        assertThat(jwt.keysFileIn(Path.of("data"))).isEqualTo(Path.of("data", "jwt-signing-keys.json"));
        assertThat(jwt.keysInMemory()).isFalse();
        assertThat(jwt.publishAhead()).isEqualTo(Duration.ofHours(1));
        assertThat(jwt.rotationInterval()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void fromWhenEverythingSetThenReadsIt() {
        JwtConfig jwt = read(Map.of("TOKEN_ACCESS_TOKEN_FORMAT", "JWT", "TOKEN_JWT_ACCESS_TTL", "120",
                "TOKEN_JWT_AUDIENCE", "https://api.example.com", "TOKEN_JWT_ALGORITHM", "rs256",
                "TOKEN_JWT_KEYS_FILE", "/etc/tokens/keys.json", "TOKEN_JWT_KEY_PUBLISH_AHEAD", "900",
                "TOKEN_JWT_ROTATION_INTERVAL", "0"));

        assertThat(jwt.formats().defaultFormat()).isEqualTo(AccessTokenFormat.JWT);
        assertThat(jwt.formats().jwtLifetime()).isEqualTo(Duration.ofMinutes(2));
        assertThat(jwt.audienceFor("https://auth.example.com")).isEqualTo("https://api.example.com");
        assertThat(jwt.rotation().algorithm()).isEqualTo(SigningAlgorithm.RS256);
        assertThat(jwt.keysFileIn(Path.of("data"))).isEqualTo(Path.of("/etc/tokens/keys.json"));
        assertThat(jwt.rotation().publishAhead()).isEqualTo(Duration.ofMinutes(15));
        assertThat(jwt.rotation().rotationInterval()).as("0: on demand only").isNull();
    }

    @Test
    void fromWhenFormatUnknownThenRefusedNamingTheVariable() {
        assertThatThrownBy(() -> read(Map.of("TOKEN_ACCESS_TOKEN_FORMAT", "paseto")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TOKEN_ACCESS_TOKEN_FORMAT");
    }

    @Test
    void fromWhenAlgorithmUnsupportedThenRefusedNamingTheVariable() {
        assertThatThrownBy(() -> read(Map.of("TOKEN_JWT_ALGORITHM", "HS256")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TOKEN_JWT_ALGORITHM");
    }

    @Test
    void fromWhenJwtLifetimeZeroThenRefusedNamingTheVariable() {
        assertThatThrownBy(() -> read(Map.of("TOKEN_JWT_ACCESS_TTL", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TOKEN_JWT_ACCESS_TTL");
    }

    @Test
    void ephemeralWhenStartedThenKeysStayInMemory() {
        assertThat(ServerConfig.ephemeral().jwt().keysInMemory()).isTrue();
        assertThat(ServerConfig.ephemeral().jwt().defaultFormat()).isEqualTo(AccessTokenFormat.OPAQUE);
    }
}
