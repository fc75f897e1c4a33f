package dev.tokenservice.core.auth;

import dev.tokenservice.core.model.FailureCount;
import dev.tokenservice.core.model.ThrottleKey;
import dev.tokenservice.core.port.ThrottleStore;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link ThrottleStore} in this process's memory: for a single server, an embedded core, and tests. Counts are lost
 * on restart and not shared between servers; use a database store for several servers. Keys whose failures no longer
 * count are dropped by {@link #forgetBefore}, which a server calls periodically. Thread-safe; every operation on a key
 * is atomic.
 */
public final class InMemoryThrottleStore implements ThrottleStore {
    private final ConcurrentMap<ThrottleKey, FailureCount> counts = new ConcurrentHashMap<>();

    @Override
    public Optional<FailureCount> find(ThrottleKey key) {
        return Optional.ofNullable(counts.get(Objects.requireNonNull(key, "key")));
    }

    @Override
    public FailureCount recordFailure(ThrottleKey key, Instant at, Instant restartBefore) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(restartBefore, "restartBefore");
        return counts.compute(key, (k, count) -> count == null || count.lastFailure().isBefore(restartBefore)
                ? new FailureCount(1, at)
                : new FailureCount(count.failures() + 1, at.isAfter(count.lastFailure()) ? at : count.lastFailure()));
    }

    @Override
    public void clear(ThrottleKey key) {
        counts.remove(Objects.requireNonNull(key, "key"));
    }

    @Override
    public int forgetBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        int removed = 0;
        for (var entry : counts.entrySet()) {
            // Removes the entry only as it was read: a failure counted meanwhile keeps the key.
            if (entry.getValue().lastFailure().isBefore(cutoff) && counts.remove(entry.getKey(), entry.getValue())) {
                removed++;
            }
        }
        return removed;
    }

    @Override
    public String toString() {
        return "InMemoryThrottleStore[" + counts.size() + " keys]";
    }
}
