package dev.tokenservice.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.crypto.Sha256SecretHasher;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.port.StorageException;
import dev.tokenservice.testkit.MutableClock;
import dev.tokenservice.testkit.TestClients;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CachingClientStoreTest {
    private static final Duration TTL = Duration.ofSeconds(5);
    private static final ClientId ID = TestClients.CONFIDENTIAL_ID;

    private final MutableClock clock = MutableClock.start();
    private final CountingClientStore store = new CountingClientStore();
    private final CachingClientStore cache = new CachingClientStore(store, clock, TTL);
    private final Client client = TestClients.confidential().build();
    private final Client rotated = TestClients.confidential().secretHash(new Sha256SecretHasher().hash("rotated")).build();

    @Test
    void findByIdWhenReadAgainWithinTtlThenStoreIsAskedOnce() {
        store.underneath.save(client);
        cache.findById(ID);
        clock.advance(TTL.minusMillis(1));

        Optional<Client> found = cache.findById(ID);

        assertThat(found).contains(client);
        assertThat(store.lookups()).isEqualTo(1);
    }

    @Test
    void findByIdWhenChangedUnderneathThenFormerClientUntilTtlHasPassed() {
        store.underneath.save(client);
        cache.findById(ID);
        store.underneath.save(rotated);

        clock.advance(TTL.minusMillis(1));
        Optional<Client> withinTtl = cache.findById(ID);
        clock.advance(Duration.ofMillis(1));
        Optional<Client> atTtl = cache.findById(ID);

        assertThat(withinTtl).contains(client);
        assertThat(atTtl).contains(rotated);
    }

    @Test
    void findByIdWhenDeletedUnderneathThenEmptyOnceTtlHasPassed() {
        store.underneath.save(client);
        cache.findById(ID);
        store.underneath.delete(ID);

        clock.advance(TTL);

        assertThat(cache.findById(ID)).isEmpty();
    }

    @Test
    void saveWhenSecretRotatedThroughTheCacheThenSeenAtOnce() {
        store.underneath.save(client);
        cache.findById(ID);

        cache.save(rotated);

        assertThat(cache.findById(ID)).contains(rotated);
    }

    @Test
    void updateWhenSecretRotatedThroughTheCacheThenSeenAtOnce() {
        store.underneath.save(client);
        cache.findById(ID);

        boolean updated = cache.update(rotated);

        assertThat(updated).isTrue();
        assertThat(cache.findById(ID)).contains(rotated);
    }

    @Test
    void findCurrentWhenChangedUnderneathThenTheStoredClientAndFromThenOnForFindByIdToo() {
        store.underneath.save(client);
        cache.findById(ID);
        store.underneath.save(rotated);

        Optional<Client> current = cache.findCurrent(ID);

        assertThat(current).contains(rotated);
        assertThat(cache.findById(ID)).contains(rotated);
    }

    @Test
    void addWhenAMissWasJustLookedUpThenTheNewClientIsSeenAtOnce() {
        cache.findById(ID);

        boolean added = cache.add(client);

        assertThat(added).isTrue();
        assertThat(cache.findById(ID)).contains(client);
    }

    @Test
    void deleteWhenDeletedThroughTheCacheThenEmptyAtOnce() {
        store.underneath.save(client);
        cache.findById(ID);

        boolean deleted = cache.delete(ID);

        assertThat(deleted).isTrue();
        assertThat(cache.findById(ID)).isEmpty();
    }

    @Test
    void saveWhenStoreFailsAfterWritingThenTheClientIsReadAgain() {
        store.underneath.save(client);
        cache.findById(ID);
        store.failWritesAfterWriting(new StorageException("flush failed"));

        assertThatThrownBy(() -> cache.save(rotated)).isInstanceOf(StorageException.class);

        assertThat(cache.findById(ID)).contains(rotated);
    }

    @Test
    void findByIdWhenUnknownThenTheMissIsNotKept() {
        Optional<Client> unknown = cache.findById(ID);
        store.underneath.save(client);

        Optional<Client> registered = cache.findById(ID);

        assertThat(unknown).isEmpty();
        assertThat(registered).contains(client);
        assertThat(store.lookups()).isEqualTo(2);
    }

    @Test
    void findByIdWhenManyUnknownIdsThenNothingIsKept() {
        for (int i = 0; i < 1_000; i++) {
            cache.findById(ClientId.of("made-up-" + i));
        }

        assertThat(cache.size()).isZero();
    }

    @Test
    void findByIdWhenMoreClientsThanTheBoundThenSizeStaysWithinIt() {
        CachingClientStore small = new CachingClientStore(store, clock, TTL, 4);
        for (int i = 0; i < 20; i++) {
            store.underneath.save(Client.builder("client-" + i).build());
        }

        for (int i = 0; i < 20; i++) {
            assertThat(small.findById(ClientId.of("client-" + i))).isPresent();
        }

        assertThat(small.size()).isBetween(1, 4);
    }

    @Test
    void findByIdWhenTtlIsZeroThenEveryCallReadsTheStore() {
        CachingClientStore disabled = new CachingClientStore(store, clock, Duration.ZERO);
        store.underneath.save(client);

        disabled.findById(ID);
        disabled.findById(ID);

        assertThat(store.lookups()).isEqualTo(2);
        assertThat(disabled.size()).isZero();
    }

    @Test
    void findByIdWhenLookupFailsThenFailureIsThrownAndNothingKept() {
        store.underneath.save(client);
        store.failNextLookup(new StorageException("database down"));

        assertThatThrownBy(() -> cache.findById(ID)).isInstanceOf(StorageException.class);

        assertThat(cache.findById(ID)).contains(client);
        assertThat(store.lookups()).isEqualTo(2);
    }

    @Test
    void saveWhenWrittenWhileALookupIsInFlightThenTheFormerClientIsNotKept() throws Exception {
        FutureTask<Optional<Client>> earlier = lookupHeldInTheStore();

        cache.save(rotated);
        store.releaseLookups();

        assertThat(earlier.get(10, TimeUnit.SECONDS)).contains(client);
        assertThat(cache.findById(ID)).contains(rotated);
    }

    @Test
    void findByIdWhenTwoCallersAskAtOnceThenTheStoreIsAskedOnce() throws Exception {
        FutureTask<Optional<Client>> first = lookupHeldInTheStore();
        FutureTask<Optional<Client>> second = lookupWaitingForTheFirst();

        store.releaseLookups();

        assertThat(first.get(10, TimeUnit.SECONDS)).contains(client);
        assertThat(second.get(10, TimeUnit.SECONDS)).contains(client);
        assertThat(store.lookups()).isEqualTo(1);
    }

    @Test
    void findByIdWhenTheLookupWaitedForFailsThenTheWaitingCallerLooksUpItself() throws Exception {
        FutureTask<Optional<Client>> first = lookupHeldInTheStore();
        FutureTask<Optional<Client>> second = lookupWaitingForTheFirst();
        store.failNextLookup(new StorageException("database down"));

        store.releaseLookups();

        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StorageException.class);
        assertThat(second.get(10, TimeUnit.SECONDS)).contains(client);
        assertThat(store.lookups()).isEqualTo(2);
    }

    @Test
    void constructorWhenTtlIsNegativeThenRefused() {
        assertThatThrownBy(() -> new CachingClientStore(store, clock, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructorWhenBoundIsBelowOneThenRefused() {
        assertThatThrownBy(() -> new CachingClientStore(store, clock, TTL, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A lookup of the stored client on another thread, held in the store after it has read the client. */
    private FutureTask<Optional<Client>> lookupHeldInTheStore() {
        store.underneath.save(client);
        store.holdLookups();
        FutureTask<Optional<Client>> lookup = new FutureTask<>(() -> cache.findById(ID));
        new Thread(lookup, "first lookup").start();
        store.awaitHeldLookup();
        return lookup;
    }

    /** A second lookup on another thread, once it waits (without sleeping, until it is parked) for the first. */
    private FutureTask<Optional<Client>> lookupWaitingForTheFirst() {
        FutureTask<Optional<Client>> lookup = new FutureTask<>(() -> cache.findById(ID));
        Thread thread = new Thread(lookup, "second lookup");
        thread.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the second lookup never waited");
            }
            Thread.onSpinWait();
        }
        return lookup;
    }
}
