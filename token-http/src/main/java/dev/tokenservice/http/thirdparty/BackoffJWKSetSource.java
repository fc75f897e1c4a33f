package dev.tokenservice.http.thirdparty;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetSourceWrapper;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets fetches of a JWK set through at a bounded rate, counting successes and failures differently: after a successful
 * fetch, none within the minimum refresh interval; after a failed one (an error status, no answer in time, an answer
 * that is no JWK set), the next after a wait that starts at the first retry delay and doubles with each failure in a
 * row, never longer than the minimum refresh interval. A brief outage thus holds a provider's sign-ins back for about a
 * second, while a provider that stays down is asked ever less often. A fetch held back, and a failed one, end in
 * {@link JWKSetUnavailableException}, so an outage cache above serves the keys held.
 *
 * <p>nimbus-jose-jwt's {@code RateLimitedJWKSetSource} counts every fetch, failed or not (a one-second outage would keep
 * the keys away for the whole interval) and lets two through per interval. The waits run from the end of the failed
 * fetch, so a provider that hangs is not asked again the moment its timeout ends. Logs each fetch (the JWK set URL holds
 * no secret), and nothing for fetches held back. Thread-safe.
 */
final class BackoffJWKSetSource extends JWKSetSourceWrapper<SecurityContext> {
    private static final Logger LOG = LoggerFactory.getLogger(BackoffJWKSetSource.class);

    private final long minIntervalMillis;
    private final long firstRetryMillis;
    private final Clock clock;
    private final String name;

    /** When the next fetch may start, in the clock's milliseconds; guarded by {@code this}. */
    private long nextFetch = Long.MIN_VALUE;
    /** Failed fetches since the last successful one; guarded by {@code this}. */
    private int failures;

    /**
     * @param source      where the key set comes from
     * @param minInterval the shortest time between the start of a successful fetch and the next
     * @param firstRetry  the wait after a first failure, doubled for each further one, capped at {@code minInterval}
     * @param clock       the clock the end of a failed fetch is read from
     * @param name        what the logs call the key set, e.g. {@code google keys from https://...}
     */
    BackoffJWKSetSource(JWKSetSource<SecurityContext> source, Duration minInterval, Duration firstRetry, Clock clock,
            String name) {
        super(source);
        this.minIntervalMillis = minInterval.toMillis();
        this.firstRetryMillis = firstRetry.toMillis();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refresh, long currentTime, SecurityContext context)
            throws KeySourceException {
        synchronized (this) {
            if (currentTime < nextFetch) {
                throw new JWKSetUnavailableException(name + ": fetch held back until " + nextFetch);
            }
            // Until this fetch ends, no other starts.
            nextFetch = currentTime + minIntervalMillis;
        }
        JWKSet fetched;
        try {
            fetched = getSource().getJWKSet(refresh, currentTime, context);
        } catch (KeySourceException | RuntimeException e) {
            // A runtime exception too (an answer of JSON null made the JWK set parser throw one): a failed fetch.
            long wait = failed();
            LOG.warn("{}: fetch failed ({}); next attempt in {} ms, the keys held (if any) serving meanwhile", name,
                    e.getMessage() == null ? e.getClass().getName() : e.getMessage(), wait);
            throw e instanceof JWKSetUnavailableException unavailable ? unavailable
                    : new JWKSetUnavailableException(name + ": fetch failed", e);
        }
        succeeded(currentTime);
        LOG.info("{}: fetched {} keys", name, fetched.size());
        return fetched;
    }

    private synchronized long failed() {
        failures++;
        long wait = Math.min(minIntervalMillis, firstRetryMillis << Math.min(failures - 1, 20));
        nextFetch = clock.millis() + wait;
        return wait;
    }

    private synchronized void succeeded(long startedAt) {
        failures = 0;
        nextFetch = startedAt + minIntervalMillis;
    }

    @Override
    public String toString() {
        return "BackoffJWKSetSource[" + name + "]";
    }
}
