package dev.tokenservice.http.web;

import dev.tokenservice.core.crypto.SecureRandomTokenValueGenerator;
import dev.tokenservice.core.model.SecretHash;
import dev.tokenservice.core.port.SecretHasher;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Answers every failed client authentication no sooner than a floor: the time one check of a secret takes with the
 * server's hasher for chosen secrets (PBKDF2). A client whose secret was chosen by a person costs such a check; an
 * unknown client id, and a client with a generated secret, cost one SHA-256. Without a floor, a wrong secret for the
 * first kind answers far later than for an unknown id, and timing tells which client ids exist (DESIGN "Secrets").
 * Waiting instead of computing keeps an unknown client id from costing a PBKDF2 check: guessing ids burns no CPU, and
 * guessing the secret of one id is slowed by the authentication throttle.
 *
 * <p>The floor follows the machine's load: it is the longest of the last {@value #WINDOW} failed authentications as
 * they took before pacing, and never less than one check measured by the first failure (the fastest of three, after
 * one hash, so that the JIT has compiled the hash function). A PBKDF2 check that takes longer under load raises the
 * floor for the failures after it. The floor never exceeds {@link #MAX_FLOOR}. A waiting request holds its thread as
 * a PBKDF2 check would. Thread-safe.
 */
public final class FailurePacing {
    /** Answers failures at once: for embedders who pace elsewhere, and for tests that do not time failures. */
    public static final FailurePacing NONE = new FailurePacing(null);
    /** How many recent failures the floor follows. */
    static final int WINDOW = 64;
    /** No failure waits longer than this, whatever was observed. */
    static final Duration MAX_FLOOR = Duration.ofSeconds(5);
    private static final int MEASURED_CHECKS = 3;

    private final SecretHasher hasher;
    private final Object measureLock = new Object();
    /** The measured check in nanoseconds; negative until measured. */
    private volatile long measuredNanos = -1;
    /** The durations of the last failures before pacing, in nanoseconds; a ring. */
    private final long[] recent = new long[WINDOW];
    private int next;

    private FailurePacing(SecretHasher hasher) {
        this.hasher = hasher;
    }

    /** Paces failures to checks of secrets hashed by {@code hasher} (its scheme for new hashes). */
    public static FailurePacing measuring(SecretHasher hasher) {
        return new FailurePacing(Objects.requireNonNull(hasher, "hasher"));
    }

    /**
     * Waits until {@code startedNanos} (a {@link System#nanoTime()} reading taken before the authentication began) is
     * the floor ago; returns at once when it is already, or when this pacing is {@link #NONE}.
     */
    public void pace(long startedNanos) {
        if (hasher == null) {
            return;
        }
        long took = System.nanoTime() - startedNanos;
        long remaining = floorAfter(took) - took;
        if (remaining <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(remaining);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Records a failure that took {@code took} nanoseconds and returns the floor in nanoseconds. */
    long floorAfter(long took) {
        long measured = measuredNanos();
        synchronized (recent) {
            recent[next] = took;
            next = (next + 1) % WINDOW;
            long longest = Arrays.stream(recent).max().orElse(0);
            return Math.min(Math.max(measured, longest), MAX_FLOOR.toNanos());
        }
    }

    private long measuredNanos() {
        long measured = measuredNanos;
        if (measured >= 0) {
            return measured;
        }
        synchronized (measureLock) {
            if (measuredNanos < 0) {
                measuredNanos = measure();
            }
            return measuredNanos;
        }
    }

    private long measure() {
        String secret = SecureRandomTokenValueGenerator.newClientSecret();
        SecretHash hash = hasher.hash(secret);
        long fastest = Long.MAX_VALUE;
        for (int run = 0; run < MEASURED_CHECKS; run++) {
            long started = System.nanoTime();
            hasher.verify(secret + "-wrong", hash);
            fastest = Math.min(fastest, System.nanoTime() - started);
        }
        return fastest;
    }

    @Override
    public String toString() {
        return hasher == null ? "FailurePacing[none]" : "FailurePacing[" + hasher + "]";
    }
}
