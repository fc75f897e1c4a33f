package dev.tokenservice.http.thirdparty;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import dev.tokenservice.core.port.ThirdPartyTokenException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider's signing keys (a JWK set, RFC 7517 §5) fetched over HTTP and cached. Keys are fetched on first use,
 * again once older than the maximum age, and again when a token names a key the cache does not hold (the provider
 * rotated its keys), but never twice within the minimum refresh interval: tokens naming made-up keys cannot make us
 * hammer the provider, nor wait on it. When a scheduled refetch fails, the keys held keep serving. Only public keys
 * are kept. Thread-safe: one fetch at a time, readers never wait for it unless they need it.
 */
final class JwksCache {
    private static final Logger LOG = LoggerFactory.getLogger(JwksCache.class);

    private final String provider;
    private final URI uri;
    private final ProviderHttpClient http;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration minRefreshInterval;

    private volatile Keys keys;
    /** When the last fetch started, successful or not; guarded by {@code this}. */
    private Instant lastAttempt;

    private record Keys(JWKSet set, Instant fetchedAt) { }

    JwksCache(String provider, URI uri, ProviderHttpClient http, Clock clock, Duration maxAge,
            Duration minRefreshInterval) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.minRefreshInterval = Objects.requireNonNull(minRefreshInterval, "minRefreshInterval");
    }

    /**
     * The keys that {@code matcher} selects, refetching the set first when it is missing or old, and once more when
     * nothing matches and the rate limit allows.
     *
     * @throws ThirdPartyTokenException unavailable when no keys are held and they cannot be fetched now
     */
    List<JWK> select(JWKMatcher matcher) {
        Keys current = keys;
        if (current == null) {
            current = refresh(null);
        } else if (clock.instant().isAfter(current.fetchedAt().plus(maxAge))) {
            current = refreshKeepingStale(current);
        }
        JWKSelector selector = new JWKSelector(matcher);
        List<JWK> found = selector.select(current.set());
        if (found.isEmpty()) {
            // Perhaps the provider rotated its keys since we fetched them.
            Keys refreshed = refreshKeepingStale(current);
            if (refreshed != current) {
                found = selector.select(refreshed.set());
            }
        }
        return found;
    }

    private Keys refreshKeepingStale(Keys current) {
        try {
            return refresh(current);
        } catch (ThirdPartyTokenException e) {
            LOG.warn("{}: could not refetch the signing keys from {}; using the keys fetched at {}: {}", provider, uri,
                    current.fetchedAt(), e.getCause() == null ? e.getMessage() : e.getCause().toString());
            return current;
        }
    }

    /** Fetches the keys unless another thread just did, or the last attempt is more recent than the rate limit allows. */
    private synchronized Keys refresh(Keys seen) {
        Keys current = keys;
        if (current != seen) {
            return current;
        }
        Instant now = clock.instant();
        if (lastAttempt != null && now.isBefore(lastAttempt.plus(minRefreshInterval))) {
            if (current == null) {
                throw ThirdPartyTokenException.unavailable(
                        provider + " did not serve its signing keys; try again later", null);
            }
            return current;
        }
        lastAttempt = now;
        ProviderHttpClient.Reply reply = http.get(uri, provider);
        if (!reply.isSuccess()) {
            throw ThirdPartyTokenException.unavailable(provider + " did not serve its signing keys",
                    new IllegalStateException("HTTP " + reply.status() + " from " + uri));
        }
        JWKSet set;
        try {
            set = JWKSet.parse(reply.body()).toPublicJWKSet();
        } catch (ParseException e) {
            throw ThirdPartyTokenException.unavailable(provider + " served signing keys that cannot be read", e);
        }
        Keys fetched = new Keys(set, now);
        keys = fetched;
        LOG.info("{}: fetched {} signing keys from {}", provider, set.size(), uri);
        return fetched;
    }
}
