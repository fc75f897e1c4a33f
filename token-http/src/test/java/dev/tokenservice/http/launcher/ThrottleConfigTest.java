package dev.tokenservice.http.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.policy.ThrottleSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ThrottleConfigTest {
    private static ThrottleConfig read(Map<String, String> environment) {
        return ServerConfig.from(environment, new Properties()).throttle();
    }

    @Test
    void readWhenNothingSetThenDefaultsCountedWhereAutoSays() {
        assertThat(read(Map.of())).isEqualTo(ThrottleConfig.DEFAULT);
    }

    @Test
    void readWhenEverySettingGivenThenTakesThem() {
        ThrottleConfig config = read(Map.of("TOKEN_THROTTLE_FAILURES", "3", "TOKEN_THROTTLE_SHARED_FAILURES", "9",
                "TOKEN_THROTTLE_DELAY", "2", "TOKEN_THROTTLE_MAX_DELAY", "60", "TOKEN_THROTTLE_WINDOW", "120",
                "TOKEN_THROTTLE_STORE", "memory"));

        assertThat(config).isEqualTo(new ThrottleConfig(new ThrottleSettings(3, 9, Duration.ofSeconds(2),
                Duration.ofMinutes(1), Duration.ofMinutes(2)), ThrottleConfig.Store.MEMORY));
    }

    @Test
    void readWhenWindowShorterThanTheLongestDelayThenRefusedNamingTheVariable() {
        assertThatThrownBy(() -> read(Map.of("TOKEN_THROTTLE_WINDOW", "60")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TOKEN_THROTTLE_WINDOW");
    }

    @Test
    void readWhenStoreUnknownThenRefusedNamingTheVariable() {
        assertThatThrownBy(() -> read(Map.of("TOKEN_THROTTLE_STORE", "redis")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TOKEN_THROTTLE_STORE");
    }

    @Test
    void sharedOnWhenAutoThenDatabaseOnPostgresqlAndMemoryOnH2() {
        assertThat(ThrottleConfig.DEFAULT.sharedOn("jdbc:postgresql://db/tokens")).isTrue();
        assertThat(ThrottleConfig.DEFAULT.sharedOn("jdbc:h2:file:./data/tokens")).isFalse();
    }
}
