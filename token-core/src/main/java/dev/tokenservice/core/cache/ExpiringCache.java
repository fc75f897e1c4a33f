package dev.tokenservice.core.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Values by key, each kept for a time to live from the moment its load began, read through a loader.
 *
 * <ul>
 *   <li>Callers that ask for a key while it is being loaded wait for that load instead of starting their own, so a
 *       burst of requests for one client costs one lookup.</li>
 *   <li>Misses are not kept: keys that do not exist cost a load every time, as without the cache, and cannot fill
 *       it.</li>
 *   <li>At most {@code maxSize} entries, give or take the loads in flight: when a new key finds the cache full,
 *       expired entries go first, then arbitrary ones until a quarter of the room is free.</li>
 *   <li>{@link #invalidate} forgets a key at once, including a load in flight that may have read what the write
 *       replaced; a caller already waiting for that load still gets its answer, as it asked before the write.</li>
 *   <li>A time to live of zero (or under a millisecond) keeps nothing: every call loads.</li>
 * </ul>
 *
 * <p>Thread-safe; the loader runs outside any lock.
 */
final class ExpiringCache<K, V> {
    private final ConcurrentMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long ttlMillis;
    private final int maxSize;

    ExpiringCache(Clock clock, Duration ttl, int maxSize) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("time to live must not be negative");
        }
        if (maxSize < 1) {
            throw new IllegalArgumentException("maximum size must be at least 1");
        }
        this.ttlMillis = ttl.toMillis();
        this.maxSize = maxSize;
    }

    /**
     * The value of {@code key}: kept, being loaded by another caller, or loaded now. A failure of this caller's load is
     * thrown; when the load it waited for fails, the caller loads for itself.
     */
    Optional<V> get(K key, Function<? super K, Optional<V>> loader) {
        if (ttlMillis == 0) {
            return loader.apply(key);
        }
        while (true) {
            long now = clock.millis();
            Entry<V> kept = entries.get(key);
            if (kept != null && now < kept.expiresAt) {
                Optional<V> value = kept.await();
                if (value != null) {
                    return value;
                }
                continue;
            }
            Entry<V> loading = new Entry<>(expiry(now));
            if (kept == null && entries.size() >= maxSize) {
                makeRoom(now);
            }
            boolean mine = kept == null ? entries.putIfAbsent(key, loading) == null
                    : entries.replace(key, kept, loading);
            if (mine) {
                // Published before the store is read: a write that ends after this point removes the entry, and
                // with it what this load reads; a write that ended before it is what this load reads.
                return load(key, loading, loader);
            }
            // Another caller published an entry for this key first: use it.
        }
    }

    /** Forgets {@code key}; call it after the write to the store has returned (or failed). */
    void invalidate(K key) {
        entries.remove(key);
    }

    /** The number of entries, loads in flight included. */
    int size() {
        return entries.size();
    }

    private Optional<V> load(K key, Entry<V> loading, Function<? super K, Optional<V>> loader) {
        Optional<V> value;
        try {
            value = Objects.requireNonNull(loader.apply(key), "loader returned null");
        } catch (RuntimeException | Error e) {
            entries.remove(key, loading);
            loading.value.completeExceptionally(e);
            throw e;
        }
        if (value.isEmpty()) {
            entries.remove(key, loading);
        }
        loading.value.complete(value);
        return value;
    }

    private long expiry(long now) {
        long expiresAt = now + ttlMillis;
        return expiresAt < now ? Long.MAX_VALUE : expiresAt;
    }

    private void makeRoom(long now) {
        entries.values().removeIf(entry -> now >= entry.expiresAt);
        int target = maxSize - Math.max(1, maxSize / 4);
        Iterator<Entry<V>> arbitrary = entries.values().iterator();
        while (entries.size() > target && arbitrary.hasNext()) {
            arbitrary.next();
            arbitrary.remove();
        }
    }

    /** A value, or its load in flight, and when it stops being served. */
    private static final class Entry<V> {
        final long expiresAt;
        final CompletableFuture<Optional<V>> value = new CompletableFuture<>();

        Entry(long expiresAt) {
            this.expiresAt = expiresAt;
        }

        /** The loaded value; {@code null} when the load failed, and the caller must load for itself. */
        @Nullable Optional<V> await() {
            try {
                return value.join();
            } catch (CompletionException e) {
                // The loading caller throws the failure; a caller that waited tries again with its own load, so
                // each failure is thrown once, to the caller whose stack it belongs to.
                return null;
            }
        }
    }
}
