package dev.tokenservice.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.FailureCount;
import dev.tokenservice.core.model.ThrottleKey;
import dev.tokenservice.core.model.Username;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottlePolicyTest {
    private static final Instant LAST = Instant.parse("2030-01-01T00:00:00Z");
    private static final ThrottleKey CLIENT = ThrottleKey.client(new ClientId("billing"));
    private static final ThrottleKey USER = ThrottleKey.user(Username.of("jane"));
    private static final ThrottleSettings SETTINGS = ThrottleSettings.DEFAULT;

    private final ThrottlePolicy policy = new ThrottlePolicy(SETTINGS);

    private static FailureCount failures(int count) {
        return new FailureCount(count, LAST);
    }

    @Test
    void remainingWaitWhenBelowTheThresholdThenNone() {
        assertThat(policy.remainingWait(CLIENT, failures(SETTINGS.failures() - 1), LAST)).isEmpty();
    }

    @Test
    void remainingWaitWhenAtTheThresholdThenTheFirstDelayFromTheLastFailure() {
        assertThat(policy.remainingWait(CLIENT, failures(SETTINGS.failures()), LAST.plusMillis(300)))
                .contains(SETTINGS.firstDelay().minusMillis(300));
    }

    @Test
    void remainingWaitWhenEachFurtherFailureThenTheDelayDoubles() {
        assertThat(policy.remainingWait(CLIENT, failures(SETTINGS.failures() + 3), LAST))
                .contains(SETTINGS.firstDelay().multipliedBy(8));
    }

    @Test
    void remainingWaitWhenVeryManyFailuresThenCappedAtTheLongestDelay() {
        assertThat(policy.remainingWait(CLIENT, failures(10_000), LAST)).contains(SETTINGS.maxDelay());
    }

    @Test
    void remainingWaitWhenTheDelayHasPassedThenNone() {
        assertThat(policy.remainingWait(CLIENT, failures(SETTINGS.failures()), LAST.plus(SETTINGS.firstDelay())))
                .isEmpty();
    }

    @Test
    void remainingWaitWhenUsernameKeyThenTheSharedThresholdApplies() {
        assertThat(policy.remainingWait(USER, failures(SETTINGS.sharedFailures() - 1), LAST)).isEmpty();
        assertThat(policy.remainingWait(USER, failures(SETTINGS.sharedFailures()), LAST))
                .contains(SETTINGS.firstDelay());
    }

    @Test
    void remainingWaitWhenTheLastFailureIsOutsideTheWindowThenNone() {
        Instant later = LAST.plus(SETTINGS.window()).plusSeconds(1);

        assertThat(policy.remainingWait(CLIENT, failures(10_000), later)).isEmpty();
    }

    @Test
    void settingsWhenWindowIsShorterThanTheLongestDelayThenRefused() {
        assertThatThrownBy(() -> new ThrottleSettings(5, 20, Duration.ofSeconds(1), Duration.ofMinutes(5),
                Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void throttleKeyWhenNamesWouldRunTogetherThenKeysDiffer() {
        assertThat(ThrottleKey.pair(new ClientId("a:b"), Username.of("c")))
                .isNotEqualTo(ThrottleKey.pair(new ClientId("a"), Username.of("b:c")));
        assertThat(ThrottleKey.client(new ClientId("jane")).value())
                .isNotEqualTo(ThrottleKey.user(Username.of("jane")).value());
    }
}
