package dev.tokenservice.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenLifetimesTest {

    @Test
    void constructorWhenAccessLifetimeZeroThenIllegalArgument() {
        Duration access = Duration.ZERO;

        assertThatIllegalArgumentException().isThrownBy(() -> new TokenLifetimes(access, Duration.ofDays(1)));
    }

    @Test
    void constructorWhenRefreshLifetimeNegativeThenIllegalArgument() {
        Duration refresh = Duration.ofSeconds(-1);

        assertThatIllegalArgumentException().isThrownBy(() -> new TokenLifetimes(Duration.ofHours(1), refresh));
    }

    @Test
    void defaultWhenReadThenOneHourAndThirtyDays() {
        TokenLifetimes lifetimes = TokenLifetimes.DEFAULT;

        Duration access = lifetimes.accessToken();

        assertThat(access).isEqualTo(Duration.ofHours(1));
        assertThat(lifetimes.refreshToken()).isEqualTo(Duration.ofDays(30));
    }
}
