package dev.tokenservice.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that a test moves: fake time without sleeps. {@link #at} and {@link #start()} stand still until moved;
 * {@link #ticking()} runs with the system clock, shifted by every move. Thread-safe.
 */
public final class MutableClock extends Clock {
    /** The instant {@link #start()} begins at; whole seconds, so every store keeps it exactly. */
    public static final Instant DEFAULT_START = Instant.parse("2030-01-01T00:00:00Z");

    /** What the time runs from: a fixed instant, or the system clock. */
    private final Clock base;
    /** How far the moves so far have put this clock from its base. */
    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    private MutableClock(Clock base, AtomicReference<Duration> offset, ZoneId zone) {
        this.base = base;
        this.offset = offset;
        this.zone = zone;
    }

    /** A clock standing at {@code instant}, in UTC. */
    public static MutableClock at(Instant instant) {
        return new MutableClock(Clock.fixed(Objects.requireNonNull(instant, "instant"), ZoneOffset.UTC),
                new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    /** A clock standing at {@link #DEFAULT_START}. */
    public static MutableClock start() {
        return at(DEFAULT_START);
    }

    /**
     * A clock that runs with the system clock (UTC) until a test moves it, and on from where it was moved: for tests
     * that also meet real time (tokens of another service, timestamps the test takes itself).
     */
    public static MutableClock ticking() {
        return new MutableClock(Clock.systemUTC(), new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    /** Moves the clock forward (or back, with a negative duration). */
    public MutableClock advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        offset.updateAndGet(current -> current.plus(duration));
        return this;
    }

    /** Puts the clock at {@code instant}; a ticking clock runs on from there. */
    public MutableClock set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        offset.set(Duration.between(base.instant(), instant));
        return this;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view in another zone that shares this clock's time. */
    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(base, offset, newZone);
    }
}
