package dev.tokenservice.http.launcher;

import dev.tokenservice.core.auth.AuthenticationThrottle;
import dev.tokenservice.core.port.TokenStore;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired tokens in the background, in bounded batches ({@link TokenStore#deleteExpired(int)}), so no
 * statement holds locks for long and a large backlog is worked off over several runs; and with them the counts of
 * failed authentications that no longer count ({@link AuthenticationThrottle#forgetExpired()}). A failed run is
 * logged and the next one tries again. Thread-safe.
 */
final class ExpiredTokenCleanup implements AutoCloseable {
    static final int BATCH_SIZE = 1_000;
    /** At most this many batches per run, so one run never monopolizes the database. */
    static final int MAX_BATCHES_PER_RUN = 100;

    private static final Logger LOG = LoggerFactory.getLogger(ExpiredTokenCleanup.class);

    private final TokenStore tokens;
    private final AuthenticationThrottle throttle;
    private final ScheduledExecutorService scheduler;

    private ExpiredTokenCleanup(TokenStore tokens, AuthenticationThrottle throttle) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "expired-token-cleanup");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts running {@link #runOnce()} every {@code interval}, the first time after one interval. */
    static ExpiredTokenCleanup schedule(TokenStore tokens, AuthenticationThrottle throttle, Duration interval) {
        ExpiredTokenCleanup cleanup = new ExpiredTokenCleanup(tokens, throttle);
        long millis = interval.toMillis();
        cleanup.scheduler.scheduleWithFixedDelay(cleanup::runSafely, millis, millis, TimeUnit.MILLISECONDS);
        return cleanup;
    }

    /** Deletes expired tokens batch by batch until a batch comes back short or the run's budget is spent. */
    int runOnce() {
        int total = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            int deleted = tokens.deleteExpired(BATCH_SIZE);
            total += deleted;
            if (deleted < BATCH_SIZE) {
                break;
            }
        }
        return total;
    }

    private void runSafely() {
        try {
            int deleted = runOnce();
            if (deleted > 0) {
                LOG.info("deleted {} expired tokens", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warn("expired-token cleanup failed; will try again", e);
        }
        try {
            throttle.forgetExpired();
        } catch (RuntimeException e) {
            LOG.warn("cleanup of failed-authentication counts failed; will try again", e);
        }
    }

    /** Stops scheduling and waits briefly for a running batch to finish. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
