package dev.tokenservice.http.launcher;

import dev.tokenservice.http.jwt.KeyRingFile;
import dev.tokenservice.http.jwt.KeyRingStore;
import dev.tokenservice.http.jwt.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the signing keys of JWT access tokens from the configuration (the key file in the data folder, created with a
 * fresh key on the first start, or the operator's {@code TOKEN_JWT_KEYS_FILE}; in memory for tests), and runs their
 * upkeep once a minute: keys another server wrote to a shared file, scheduled rotation, retired keys.
 */
final class JwtKeys implements AutoCloseable {
    static final Duration UPKEEP_INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(JwtKeys.class);

    private final SigningKeys keys;
    private final ScheduledExecutorService scheduler;

    private JwtKeys(SigningKeys keys) {
        this.keys = keys;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "jwt-signing-key-upkeep");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The server's signing keys, not yet maintained: see {@link #maintainEveryMinute(SigningKeys)}. */
    static SigningKeys open(ServerConfig config, Clock clock) {
        JwtConfig jwt = config.jwt();
        KeyRingStore store = jwt.keysInMemory() ? KeyRingStore.inMemory()
                : new KeyRingFile(jwt.keysFileIn(config.dataDir()));
        return SigningKeys.open(store, jwt.rotation(), clock);
    }

    /** Starts the upkeep of {@code keys}; {@link #close()} stops it. */
    static JwtKeys maintainEveryMinute(SigningKeys keys) {
        JwtKeys upkeep = new JwtKeys(keys);
        long millis = UPKEEP_INTERVAL.toMillis();
        upkeep.scheduler.scheduleWithFixedDelay(upkeep::maintainSafely, millis, millis, TimeUnit.MILLISECONDS);
        return upkeep;
    }

    private void maintainSafely() {
        try {
            keys.maintain();
        } catch (RuntimeException e) {
            LOG.warn("upkeep of the JWT signing keys failed; will try again", e);
        }
    }

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
