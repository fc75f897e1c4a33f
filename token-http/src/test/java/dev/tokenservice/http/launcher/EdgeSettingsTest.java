package dev.tokenservice.http.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EdgeSettingsTest {

    private static EdgeSettings read(Map<String, String> environment) {
        return ServerConfig.from(environment, new Properties()).edge();
    }

    @Test
    void fromWhenNothingSetThenNoOriginNoProxyAndTenMinutePreflights() {
        EdgeSettings edge = read(Map.of());

        assertThat(edge.corsOrigins()).isEmpty();
        assertThat(edge.trustedProxies()).isEmpty();
        assertThat(edge.corsMaxAge()).isEqualTo(Duration.ofMinutes(10));
        assertThat(edge).isEqualTo(EdgeSettings.NONE);
    }

    @Test
    void fromWhenListsSetThenSplitOnCommasAndSpaces() {
        EdgeSettings edge = read(Map.of("TOKEN_CORS_ORIGINS", "https://app.example.com, http://localhost:3000",
                "TOKEN_CORS_MAX_AGE", "60", "TOKEN_TRUSTED_PROXIES", "10.0.0.0/8 192.168.1.7,fd00::/8 ::1"));

        assertThat(edge.corsOrigins()).containsExactly("https://app.example.com", "http://localhost:3000");
        assertThat(edge.corsMaxAge()).isEqualTo(Duration.ofSeconds(60));
        assertThat(edge.trustedProxies()).containsExactly("10.0.0.0/8", "192.168.1.7", "fd00::/8", "::1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "null", "https://app.example.com/", "https://app.example.com/path", "app.example.com",
            "ftp://app.example.com", "https://App.Example.com", "https://user@app.example.com"})
    void constructorWhenOriginIsNotASerializedOriginThenRefusedNamingTheSetting(String origin) {
        assertThatThrownBy(() -> EdgeSettings.NONE.withCorsOrigins(List.of(origin)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("TOKEN_CORS_ORIGINS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.internal", "localhost", "10.0.0.0/33", "::1/129", "10.0.0.0/", "10.0.0.0/x",
            "10.0.0.256", "*"})
    void constructorWhenProxyIsNoAddressOrBlockThenRefusedWithoutLookingItUp(String proxy) {
        assertThatThrownBy(() -> EdgeSettings.NONE.withTrustedProxies(List.of(proxy)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("TOKEN_TRUSTED_PROXIES");
    }

    @Test
    void fromWhenMaxAgeNegativeThenRefused() {
        assertThatThrownBy(() -> read(Map.of("TOKEN_CORS_MAX_AGE", "-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TOKEN_CORS_MAX_AGE");
    }
}
