package dev.tokenservice.core.cache;

import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.port.ClientStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ClientStore} that keeps the clients it reads from another store for a short time. Every token request
 * authenticates its client (RFC 6749 §2.3), and every introspection (RFC 7662) and bearer check (RFC 6750) reads the
 * token's client; clients change rarely, so these lookups are answered from memory.
 *
 * <p>What each server sees:
 * <ul>
 *   <li>A write through this store ({@link #save}, {@link #add}, {@link #update}, which also rotates a secret, and
 *       {@link #delete}) is seen at once by every later call on this store.</li>
 *   <li>A write that bypasses it, through the store underneath or by another server on the same database, is seen
 *       within the time to live: until then this store may still answer the client as it was, e.g. authenticate its
 *       former secret, or a deleted client whose tokens then still verify.</li>
 *   <li>Unknown client ids are not kept, so callers presenting made-up ids cannot fill memory: each costs a lookup
 *       underneath, as without the cache.</li>
 *   <li>At most {@value #DEFAULT_MAX_SIZE} clients by default (give or take lookups in flight); beyond that, arbitrary
 *       clients make room and are read again on their next use.</li>
 *   <li>Concurrent lookups of one client that is not kept share one lookup underneath.</li>
 * </ul>
 *
 * <p>Time is read from the core's {@link Clock}: a client is kept for the time to live from the moment its lookup
 * began. A time to live of zero disables the cache: every call goes to the store underneath. {@link #findCurrent},
 * {@link #count()} and {@link #list} are never cached. Thread-safe.
 */
public final class CachingClientStore implements ClientStore {
    /** The stand-alone server's default time to live. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(5);

    /** The default bound on the number of clients kept. */
    public static final int DEFAULT_MAX_SIZE = 10_000;

    private final ClientStore stored;
    private final ExpiringCache<ClientId, Client> cache;

    /** Keeps up to {@value #DEFAULT_MAX_SIZE} clients of {@code stored} for {@code ttl} on {@code clock}. */
    public CachingClientStore(ClientStore stored, Clock clock, Duration ttl) {
        this(stored, clock, ttl, DEFAULT_MAX_SIZE);
    }

    /**
     * Keeps up to {@code maxSize} clients of {@code stored} for {@code ttl} on {@code clock}.
     *
     * @throws IllegalArgumentException when {@code ttl} is negative or {@code maxSize} is below 1
     */
    public CachingClientStore(ClientStore stored, Clock clock, Duration ttl, int maxSize) {
        this.stored = Objects.requireNonNull(stored, "stored");
        this.cache = new ExpiringCache<>(clock, Objects.requireNonNull(ttl, "ttl"), maxSize);
    }

    @Override
    public Optional<Client> findById(ClientId clientId) {
        return cache.get(Objects.requireNonNull(clientId, "clientId"), stored::findById);
    }

    /** Reads the store underneath, and drops the copy kept here: the next {@link #findById} reads it anew too. */
    @Override
    public Optional<Client> findCurrent(ClientId clientId) {
        Objects.requireNonNull(clientId, "clientId");
        try {
            return stored.findCurrent(clientId);
        } finally {
            cache.invalidate(clientId);
        }
    }

    @Override
    public void save(Client client) {
        try {
            stored.save(client);
        } finally {
            // Also after a failure: the write may have reached the database before it failed.
            cache.invalidate(client.clientId());
        }
    }

    @Override
    public boolean delete(ClientId clientId) {
        Objects.requireNonNull(clientId, "clientId");
        try {
            return stored.delete(clientId);
        } finally {
            cache.invalidate(clientId);
        }
    }

    @Override
    public long count() {
        return stored.count();
    }

    @Override
    public boolean add(Client client) {
        try {
            return stored.add(client);
        } finally {
            cache.invalidate(client.clientId());
        }
    }

    @Override
    public boolean update(Client client) {
        try {
            return stored.update(client);
        } finally {
            cache.invalidate(client.clientId());
        }
    }

    @Override
    public List<Client> list(@Nullable ClientId after, int limit) {
        return stored.list(after, limit);
    }

    /** The number of clients kept right now, lookups in flight included; for tests and metrics. */
    public int size() {
        return cache.size();
    }
}
