package dev.tokenservice.persistence.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Instants and durations as milliseconds, the portable form the schema keeps them in. The core issues tokens at
 * whole milliseconds, so an instant loses nothing; a finer instant is truncated. Not API.
 */
public final class Millis {
    private Millis() {
    }

    public static long of(Instant instant) {
        return instant.toEpochMilli();
    }

    public static Instant instant(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis);
    }

    /**
     * A lifetime in milliseconds, or {@code null} for none. A lifetime finer than a millisecond would not read back
     * equal, so it is rejected with {@link IllegalArgumentException}.
     */
    public static Long of(Duration duration) {
        if (duration == null) {
            return null;
        }
        if (duration.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("a stored lifetime must be whole milliseconds");
        }
        return duration.toMillis();
    }

    /** A lifetime read back, or {@code null} for a NULL column. */
    public static Duration duration(Long millis) {
        return millis == null ? null : Duration.ofMillis(millis);
    }
}
