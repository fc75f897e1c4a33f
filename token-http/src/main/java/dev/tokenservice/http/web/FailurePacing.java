package dev.tokenservice.http.web;

import dev.tokenservice.core.crypto.SecureRandomTokenValueGenerator;
import dev.tokenservice.core.model.SecretHash;
import dev.tokenservice.core.port.SecretHasher;
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
 * <p>The floor is measured once, by the first failure (one hash and one check, the first of each run before the JIT
 * has compiled them, so the floor errs long, which is the safe side: everything below it looks the same). A waiting
 * request holds its thread as a PBKDF2 check would. Thread-safe.
 */
public final class FailurePacing {
    /** Answers failures at once: for embedders who pace elsewhere, and for tests that do not time failures. */
    public static final FailurePacing NONE = new FailurePacing(null);

    private final SecretHasher hasher;
    private final Object measureLock = new Object();
    /** Nanoseconds; negative until measured. */
    private volatile long floorNanos = -1;

    private FailurePacing(SecretHasher hasher) {
        this.hasher = hasher;
        if (hasher == null) {
            floorNanos = 0;
        }
    }

    /** Paces failures to one check of a secret hashed by {@code hasher} (its scheme for new hashes). */
    public static FailurePacing measuring(SecretHasher hasher) {
        return new FailurePacing(Objects.requireNonNull(hasher, "hasher"));
    }

    /**
     * Waits until {@code startedNanos} (a {@link System#nanoTime()} reading taken when the request arrived) is the
     * floor ago; returns at once when it is already.
     */
    public void pace(long startedNanos) {
        long remaining = floorNanos() - (System.nanoTime() - startedNanos);
        if (remaining <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(remaining);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The floor in nanoseconds, measuring it on first use. */
    long floorNanos() {
        long floor = floorNanos;
        if (floor >= 0) {
            return floor;
        }
        synchronized (measureLock) {
            if (floorNanos < 0) {
                floorNanos = measure();
            }
            return floorNanos;
        }
    }

    private long measure() {
        String secret = SecureRandomTokenValueGenerator.newClientSecret();
        long started = System.nanoTime();
        SecretHash hash = hasher.hash(secret);
        long hashing = System.nanoTime() - started;
        started = System.nanoTime();
        hasher.verify(secret + "-wrong", hash);
        long checking = System.nanoTime() - started;
        return Math.max(hashing, checking);
    }

    @Override
    public String toString() {
        return hasher == null ? "FailurePacing[none]" : "FailurePacing[" + hasher + "]";
    }
}
