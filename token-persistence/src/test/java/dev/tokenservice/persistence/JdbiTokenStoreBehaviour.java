package dev.tokenservice.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.TokenPair;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.port.StorageException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the database adapter guarantees beyond the port's contract suite: how rows are stored, the atomic rotation
 * under real threads and connections, and cleanup in bounded batches. Runs on H2 and on PostgreSQL.
 */
abstract class JdbiTokenStoreBehaviour {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final int THREADS = 8;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private Jdbi jdbi;
    private JdbiTokenStore store;

    /** The database of the concrete test class. */
    abstract TestDatabase database();

    @BeforeEach
    final void emptyDatabase() {
        Database database = database().empty();
        jdbi = database.jdbi();
        store = database.tokenStore(clock);
    }

    @Test
    void saveWhenCalledThenNoColumnHoldsATokenValue() {
        TokenValue accessValue = Tokens.newValue();
        TokenValue refreshValue = Tokens.newValue();
        TokenPair pair = Tokens.pair("web.app", "jane", NOW, HOUR);
        TokenPair stored = new TokenPair(
                Tokens.access("web.app", "jane", NOW, HOUR, pair.access().familyId(), accessValue),
                Tokens.refresh("web.app", "jane", NOW, HOUR, pair.access().familyId(), refreshValue));

        store.save(stored);

        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM access_tokens").mapToMap().list()));
        rows.addAll(jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM refresh_tokens").mapToMap().list()));
        assertThat(rows).hasSize(2);
        assertThat(rows).flatExtracting(Map::values).map(String::valueOf)
                .noneMatch(cell -> cell.contains(accessValue.value()) || cell.contains(refreshValue.value()));
    }

    @Test
    void rotateWhenRacedByEightThreadsOnEachOfTwentyTokensThenExactlyOneWinsEach() throws Exception {
        List<TokenPair> originals = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            TokenPair pair = Tokens.pair("web.app", "user-" + i, NOW.minusSeconds(60), HOUR);
            store.save(pair);
            originals.add(pair);
        }

        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            for (TokenPair original : originals) {
                RefreshToken refresh = original.refresh();
                List<Boolean> outcomes = race(threads, () -> store.rotate(refresh.digest(),
                        Tokens.replacementOf(refresh, NOW, HOUR)));

                assertThat(outcomes).filteredOn(won -> won).hasSize(1);
                assertThat(store.findRefreshToken(refresh.digest())).hasValueSatisfying(
                        token -> assertThat(token.used()).isTrue());
            }
        } finally {
            threads.shutdownNow();
        }
        // Twenty originals and one replacement pair per original: the losers stored nothing.
        assertThat(count("refresh_tokens")).isEqualTo(40);
        assertThat(count("access_tokens")).isEqualTo(40);
    }

    @Test
    void rotateWhenReplacementDigestIsTakenThenFailsAndTheOldTokenStaysUnused() {
        TokenPair original = Tokens.pair("web.app", "jane", NOW.minusSeconds(60), HOUR);
        TokenPair other = Tokens.pair("web.app", "jane", NOW.minusSeconds(60), HOUR);
        store.save(original);
        store.save(other);
        RefreshToken fresh = Tokens.replacementOf(original.refresh(), NOW, HOUR).refresh();
        RefreshToken clashing = new RefreshToken(fresh.id(), other.refresh().digest(), fresh.clientId(),
                fresh.username(), fresh.scope(), fresh.issuedAt(), fresh.expiresAt(), fresh.familyId(), false);
        TokenPair replacement = new TokenPair(
                Tokens.replacementOf(original.refresh(), NOW, HOUR).access(), clashing);

        assertThatThrownBy(() -> store.rotate(original.refresh().digest(), replacement))
                .isInstanceOf(StorageException.class);

        assertThat(store.findRefreshToken(original.refresh().digest())).hasValueSatisfying(
                token -> assertThat(token.used()).isFalse());
        assertThat(store.findAccessToken(replacement.access().digest())).isEmpty();
    }

    @Test
    void deleteExpiredWhenManyExpiredThenDeletesInBatchesAndKeepsLiveTokens() {
        for (int i = 0; i < 25; i++) {
            store.save(Tokens.pair("web.app", "old-" + i, NOW.minus(Duration.ofHours(3)), HOUR));
        }
        for (int i = 0; i < 5; i++) {
            store.save(Tokens.pair("web.app", "live-" + i, NOW.minusSeconds(60), HOUR));
        }
        // A token that expires exactly now is dead (expiry is exclusive).
        store.save(Tokens.pair("web.app", "edge", NOW.minus(HOUR), HOUR));

        List<Integer> batches = new ArrayList<>();
        int deleted;
        do {
            deleted = store.deleteExpired(15);
            batches.add(deleted);
        } while (deleted == 15);

        assertThat(batches).containsExactly(15, 15, 15, 7);
        assertThat(count("access_tokens")).isEqualTo(5);
        assertThat(count("refresh_tokens")).isEqualTo(5);
    }

    @Test
    void deleteExpiredWhenBatchSizeIsNotPositiveThenIllegalArgument() {
        assertThatThrownBy(() -> store.deleteExpired(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void saveWhenAccessDigestIsStoredAsRefreshTokenThenStorageException() {
        TokenPair first = Tokens.pair("web.app", "jane", NOW, HOUR);
        store.save(first);
        TokenValue reused = Tokens.newValue();
        TokenPair second = Tokens.pair("web.app", "jane", NOW, HOUR);
        TokenPair clash = new TokenPair(
                Tokens.access("web.app", "jane", NOW, HOUR, second.access().familyId(), reused),
                new RefreshToken(second.refresh().id(), first.refresh().digest(), second.refresh().clientId(),
                        second.refresh().username(), second.refresh().scope(), NOW, NOW.plus(HOUR),
                        second.access().familyId(), false));

        assertThatThrownBy(() -> store.save(clash)).isInstanceOf(StorageException.class);

        assertThat(count("access_tokens")).isEqualTo(1);
    }

    private long count(String table) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    private static <T> List<T> race(ExecutorService threads, Callable<T> task) throws Exception {
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            futures.add(threads.submit(() -> {
                ready.countDown();
                start.await();
                return task.call();
            }));
        }
        ready.await();
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }
}
