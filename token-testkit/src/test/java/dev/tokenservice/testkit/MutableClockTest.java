package dev.tokenservice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MutableClockTest {
    @Test
    void fixedClockWhenMovedThenStandsAtTheNewTime() {
        MutableClock clock = MutableClock.start();

        clock.advance(Duration.ofHours(2));

        assertThat(clock.instant()).isEqualTo(MutableClock.DEFAULT_START.plus(Duration.ofHours(2)));
        assertThat(clock.instant()).isEqualTo(clock.instant());
    }

    @Test
    void tickingClockWhenNotMovedThenFollowsSystemTime() {
        Instant before = Instant.now();
        Instant read = MutableClock.ticking().instant();

        assertThat(read).isBetween(before, Instant.now());
    }

    @Test
    void tickingClockWhenAdvancedThenRunsOnAheadOfSystemTime() {
        MutableClock clock = MutableClock.ticking().advance(Duration.ofDays(1));

        Instant before = Instant.now();
        Instant read = clock.instant();

        assertThat(read).isBetween(before.plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1)));
    }

    @Test
    void tickingClockWhenSetThenRunsOnFromThere() {
        Instant target = Instant.parse("2040-05-05T05:05:05Z");
        MutableClock clock = MutableClock.ticking().set(target);

        assertThat(clock.instant()).isBetween(target, target.plusSeconds(60));
    }

    @Test
    void zoneViewWhenClockMovedThenMovesToo() {
        MutableClock clock = MutableClock.start();
        var view = clock.withZone(ZoneOffset.ofHours(2));

        clock.advance(Duration.ofMinutes(5));

        assertThat(view.instant()).isEqualTo(clock.instant());
        assertThat(view.getZone()).isEqualTo(ZoneOffset.ofHours(2));
    }
}
