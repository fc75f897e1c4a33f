package dev.tokenservice.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.FailureCount;
import dev.tokenservice.core.model.ThrottleKey;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.port.ThrottleStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ThrottleStore} must have: failures are counted per key, exactly, also when counted
 * concurrently; a count restarts after the window; a cleared or forgotten key has no failures. Extend it and return a
 * fresh empty store from {@link #newStore}.
 */
public abstract class ThrottleStoreContract {
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00.123Z");
    private static final Instant LONG_AGO = T0.minus(Duration.ofDays(1));
    private static final ThrottleKey CLIENT = ThrottleKey.client(new ClientId("billing"));
    private static final ThrottleKey USER = ThrottleKey.user(Username.of("billing"));

    private ThrottleStore store;

    /** Returns an empty store; called before every test. */
    protected abstract ThrottleStore newStore();

    @BeforeEach
    final void setUpStore() {
        store = newStore();
    }

    @Test
    void findWhenNoFailureThenEmpty() {
        assertThat(store.find(CLIENT)).isEmpty();
    }

    @Test
    void recordFailureWhenFirstThenCountsOne() {
        FailureCount count = store.recordFailure(CLIENT, T0, LONG_AGO);

        assertThat(count).isEqualTo(new FailureCount(1, T0));
        assertThat(store.find(CLIENT)).contains(count);
    }

    @Test
    void recordFailureWhenRepeatedThenCountsEachAndKeepsTheLatestTime() {
        store.recordFailure(CLIENT, T0, LONG_AGO);
        store.recordFailure(CLIENT, T0.plusSeconds(1), LONG_AGO);

        FailureCount count = store.recordFailure(CLIENT, T0.plusSeconds(2), LONG_AGO);

        assertThat(count).isEqualTo(new FailureCount(3, T0.plusSeconds(2)));
        assertThat(store.find(CLIENT)).contains(count);
    }

    @Test
    void recordFailureWhenTimeIsEarlierThanTheLastThenLastFailureStays() {
        store.recordFailure(CLIENT, T0.plusSeconds(5), LONG_AGO);

        FailureCount count = store.recordFailure(CLIENT, T0, LONG_AGO);

        assertThat(count).isEqualTo(new FailureCount(2, T0.plusSeconds(5)));
    }

    @Test
    void recordFailureWhenLastFailureIsBeforeRestartThenCountRestartsAtOne() {
        store.recordFailure(CLIENT, T0, LONG_AGO);
        store.recordFailure(CLIENT, T0, LONG_AGO);
        Instant later = T0.plus(Duration.ofHours(1));

        FailureCount count = store.recordFailure(CLIENT, later, T0.plusSeconds(1));

        assertThat(count).isEqualTo(new FailureCount(1, later));
    }

    @Test
    void recordFailureWhenKeysDifferThenCountsStaySeparate() {
        store.recordFailure(CLIENT, T0, LONG_AGO);
        store.recordFailure(CLIENT, T0, LONG_AGO);

        store.recordFailure(USER, T0, LONG_AGO);

        assertThat(store.find(CLIENT)).contains(new FailureCount(2, T0));
        assertThat(store.find(USER)).contains(new FailureCount(1, T0));
    }

    @Test
    void clearWhenFailuresCountedThenKeyHasNone() {
        store.recordFailure(CLIENT, T0, LONG_AGO);
        store.recordFailure(USER, T0, LONG_AGO);

        store.clear(CLIENT);

        assertThat(store.find(CLIENT)).isEmpty();
        assertThat(store.find(USER)).contains(new FailureCount(1, T0));
    }

    @Test
    void clearWhenNoFailuresThenNothingChanges() {
        store.recordFailure(USER, T0, LONG_AGO);

        store.clear(CLIENT);

        assertThat(store.find(CLIENT)).isEmpty();
        assertThat(store.find(USER)).contains(new FailureCount(1, T0));
    }

    @Test
    void recordFailureWhenClearedBeforeThenCountsFromOne() {
        store.recordFailure(CLIENT, T0, LONG_AGO);
        store.clear(CLIENT);

        assertThat(store.recordFailure(CLIENT, T0.plusSeconds(1), LONG_AGO))
                .isEqualTo(new FailureCount(1, T0.plusSeconds(1)));
    }

    @Test
    void forgetBeforeWhenCalledThenOnlyOlderKeysGo() {
        store.recordFailure(CLIENT, T0, LONG_AGO);
        store.recordFailure(USER, T0.plusSeconds(10), LONG_AGO);

        int forgotten = store.forgetBefore(T0.plusSeconds(5));

        assertThat(forgotten).isEqualTo(1);
        assertThat(store.find(CLIENT)).isEmpty();
        assertThat(store.find(USER)).contains(new FailureCount(1, T0.plusSeconds(10)));
    }

    @Test
    void recordFailureWhenRacedByEightThreadsThenEveryFailureCounts() throws Exception {
        int threads = 8;
        int perThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int j = 0; j < perThread; j++) {
                        store.recordFailure(CLIENT, T0, LONG_AGO);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.find(CLIENT)).contains(new FailureCount(threads * perThread, T0));
    }
}
