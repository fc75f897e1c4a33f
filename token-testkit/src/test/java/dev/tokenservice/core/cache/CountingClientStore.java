package dev.tokenservice.core.cache;

import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.port.ClientStore;
import dev.tokenservice.testkit.InMemoryClientStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An in-memory client store that counts its lookups, can fail them (and its writes), and can hold a lookup after it has read the
 * client and before it answers, so a test can write while a read is in flight. Writes to {@link #underneath} stand
 * for another server's. Thread-safe.
 */
final class CountingClientStore implements ClientStore {
    /** The stored clients, written around the cache under test. */
    final InMemoryClientStore underneath = new InMemoryClientStore();

    private final AtomicInteger lookups = new AtomicInteger();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean holding;
    private final AtomicReference<RuntimeException> nextFailure = new AtomicReference<>();
    private volatile RuntimeException writeFailure;

    @Override
    public Optional<Client> findById(ClientId clientId) {
        lookups.incrementAndGet();
        Optional<Client> found = underneath.findById(clientId);
        if (holding) {
            held.countDown();
            await(released);
        }
        RuntimeException failure = nextFailure.getAndSet(null);
        if (failure != null) {
            throw failure;
        }
        return found;
    }

    @Override
    public void save(Client client) {
        underneath.save(client);
        RuntimeException fail = writeFailure;
        if (fail != null) {
            throw fail;
        }
    }

    @Override
    public boolean delete(ClientId clientId) {
        return underneath.delete(clientId);
    }

    @Override
    public long count() {
        return underneath.count();
    }

    @Override
    public boolean add(Client client) {
        return underneath.add(client);
    }

    @Override
    public boolean update(Client client) {
        return underneath.update(client);
    }

    @Override
    public List<Client> list(ClientId after, int limit) {
        return underneath.list(after, limit);
    }

    /** How many lookups reached this store. */
    int lookups() {
        return lookups.get();
    }

    /** The next lookup to answer throws {@code failure} instead. */
    void failNextLookup(RuntimeException failure) {
        nextFailure.set(failure);
    }

    /** Saves from now on write, then throw {@code value}: a write that reached the database and failed after. */
    void failWritesAfterWriting(RuntimeException value) {
        writeFailure = value;
    }

    /** Holds the lookups from now on, after they have read, until {@link #releaseLookups()}. */
    void holdLookups() {
        holding = true;
    }

    /** Waits until a lookup is held. */
    void awaitHeldLookup() {
        await(held);
    }

    /** Lets the held lookups answer, and the later ones through. */
    void releaseLookups() {
        holding = false;
        released.countDown();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gave up waiting after 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
