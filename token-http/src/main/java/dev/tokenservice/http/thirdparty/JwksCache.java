package dev.tokenservice.http.thirdparty;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.CachingJWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.OutageTolerantJWKSetSource;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Resource;
import dev.tokenservice.core.port.ThirdPartyTokenException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A provider's signing keys (a JWK set, RFC 7517 §5) fetched over HTTP and cached, out of nimbus-jose-jwt's JWK set
 * sources, read by our clock:
 * <ul>
 *   <li>{@link OutageTolerantJWKSetSource}: the last key set fetched keeps serving while fetching fails, however long;
 *   <li>{@link CachingJWKSetSource}: keys are fetched on first use and again once older than the maximum age, one fetch
 *       at a time, other readers waiting for it at most the provider timeout;
 *   <li>{@link BackoffJWKSetSource}: fetches are let through at most once per minimum refresh interval after a success,
 *       but after a failure again within about a second, then at doubling waits;
 *   <li>{@link URLBasedJWKSetSource} over {@link ProviderHttpClient}: the provider timeout, the body size limit, no
 *       redirects.
 * </ul>
 * A token that names a key the set does not hold asks for the set again (the provider may have rotated its keys),
 * subject to the same limits: tokens naming made-up keys can neither make us hammer the provider nor wait on it. Only
 * public keys are handed out. Thread-safe.
 */
final class JwksCache {
    /** How long after a failed fetch the next may start; doubled with each failure in a row. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    private final String provider;
    private final URI uri;
    private final Clock clock;
    private final JWKSetSource<SecurityContext> source;

    JwksCache(String provider, URI uri, ProviderHttpClient http, Clock clock, Duration maxAge,
            Duration minRefreshInterval) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.uri = Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(http, "http");
        JWKSetSource<SecurityContext> fetched;
        try {
            fetched = new URLBasedJWKSetSource<>(uri.toURL(), url -> retrieve(http, provider, uri));
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(provider + ": the JWKS URL is not a URL", e);
        }
        JWKSetSource<SecurityContext> limited = new BackoffJWKSetSource(fetched, minRefreshInterval, FIRST_RETRY,
                clock, provider + " keys from " + uri);
        // The outage cache sits above the cache, not below it: held keys served during an outage must not count as
        // freshly fetched, or the next attempt would wait a whole maximum age.
        this.source = new OutageTolerantJWKSetSource<>(
                new CachingJWKSetSource<>(limited, maxAge.toMillis(), http.timeout().toMillis(), null),
                Long.MAX_VALUE, null);
    }

    /** Where the keys are fetched from. */
    URI uri() {
        return uri;
    }

    /**
     * The public keys that {@code matcher} selects, fetching the set first when it is missing or old, and once more
     * when nothing matches and the limits allow.
     *
     * @throws ThirdPartyTokenException unavailable when no keys are held and they cannot be fetched now
     */
    List<JWK> select(JWKMatcher matcher) {
        long now = clock.millis();
        JWKSelector selector = new JWKSelector(matcher);
        JWKSet current = keys(JWKSetCacheRefreshEvaluator.noRefresh(), now);
        List<JWK> found = selector.select(current);
        if (found.isEmpty()) {
            // Perhaps the provider rotated its keys since we fetched them; held back or failed, the keys held answer.
            found = selector.select(keys(JWKSetCacheRefreshEvaluator.referenceComparison(current), now));
        }
        return found.stream().map(JWK::toPublicJWK).toList();
    }

    private JWKSet keys(JWKSetCacheRefreshEvaluator refresh, long now) {
        try {
            return source.getJWKSet(refresh, now, null);
        } catch (KeySourceException | RuntimeException e) {
            throw ThirdPartyTokenException.unavailable(provider + " did not serve its signing keys; try again later", e);
        }
    }

    /** The key set as the provider serves it: a success status within the timeout and the size limit, or nothing. */
    private static Resource retrieve(ProviderHttpClient http, String provider, URI uri) throws IOException {
        ProviderHttpClient.Reply reply;
        try {
            reply = http.get(uri, provider);
        } catch (ThirdPartyTokenException e) {
            throw new IOException(e.description(), e.getCause());
        }
        if (!reply.isSuccess()) {
            throw new IOException("HTTP " + reply.status() + " from " + uri);
        }
        return new Resource(reply.body(), "application/json");
    }
}
