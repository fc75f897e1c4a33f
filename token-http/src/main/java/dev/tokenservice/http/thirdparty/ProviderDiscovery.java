package dev.tokenservice.http.thirdparty;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import dev.tokenservice.core.port.ThirdPartyTokenException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a provider known by its issuer alone says about itself (OpenID Connect Discovery 1.0 §4): its JWK set URL
 * ({@code jwks_uri}) and the algorithms it signs ID tokens with ({@code id_token_signing_alg_values_supported}, of
 * which the ones {@link OidcTokenVerifier} accepts are kept), read from
 * {@code <issuer>/.well-known/openid-configuration} over {@link ProviderHttpClient} (timeout, size limit, no
 * redirects). A document is used only when its {@code issuer} is exactly the configured one (§4.3: otherwise anyone
 * who can serve that path could name the keys) and its {@code jwks_uri} is https (http only on loopback).
 *
 * <p>Read on first use, and again once older than the maximum age, or when a caller asks for a
 * {@link #refreshed()} copy because the keys failed; fetches are let through as {@link BackoffJWKSetSource} lets key
 * fetches through: none within the minimum refresh interval of a success, about a second after a failure, then at
 * doubling waits. While fetching fails (no answer, an error status, a document that is not usable), the configuration
 * read last keeps serving, however old. One fetch at a time; other callers wait for it at most the provider timeout.
 * Thread-safe.
 */
final class ProviderDiscovery {
    /** Where the document lies below the issuer (OpenID Connect Discovery 1.0 §4). */
    static final String WELL_KNOWN = "/.well-known/openid-configuration";
    /** How long after a failed fetch the next may start; doubled with each failure in a row. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(ProviderDiscovery.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What the document says that we use. */
    record Configuration(URI jwksUri, Set<JWSAlgorithm> algorithms) {
        Configuration {
            Objects.requireNonNull(jwksUri, "jwksUri");
            algorithms = Set.copyOf(algorithms);
        }
    }

    private final String provider;
    private final String issuer;
    private final URI documentUri;
    private final ProviderHttpClient http;
    private final Clock clock;
    private final long maxAgeMillis;
    private final long minIntervalMillis;

    /** The configuration read last; guarded by {@code this}. */
    private Configuration held;
    /** When {@link #held} was read, in the clock's milliseconds; guarded by {@code this}. */
    private long readAt;
    /** When the next fetch may start; guarded by {@code this}. */
    private long nextFetch = Long.MIN_VALUE;
    /** Failed fetches since the last successful one; guarded by {@code this}. */
    private int failures;

    ProviderDiscovery(String provider, String issuer, ProviderHttpClient http, Clock clock, Duration maxAge,
            Duration minRefreshInterval) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.documentUri = documentUri(issuer, provider);
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAgeMillis = maxAge.toMillis();
        this.minIntervalMillis = minRefreshInterval.toMillis();
    }

    /**
     * The discovery document's URL for {@code issuer}: a terminating {@code /} removed, then {@link #WELL_KNOWN}.
     *
     * @throws IllegalArgumentException when the issuer is not a URL
     */
    static URI documentUri(String issuer, String provider) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        try {
            return new URI(base + WELL_KNOWN);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(provider + ": the issuer is not a URL", e);
        }
    }

    /**
     * The configuration: the one held while younger than the maximum age, else a fresh one when a fetch is let
     * through and succeeds, else the one held.
     *
     * @throws ThirdPartyTokenException unavailable when none is held and none can be read now
     */
    synchronized Configuration current() {
        long now = clock.millis();
        if (held != null && now - readAt < maxAgeMillis) {
            return held;
        }
        return fetch(now);
    }

    /**
     * The configuration read again, when a fetch is let through (the keys at the URL held failed, so the provider may
     * have moved them); else the one held.
     *
     * @throws ThirdPartyTokenException unavailable when none is held and none can be read now
     */
    synchronized Configuration refreshed() {
        return fetch(clock.millis());
    }

    private Configuration fetch(long now) {
        if (now < nextFetch) {
            if (held != null) {
                return held;
            }
            throw ThirdPartyTokenException.unavailable(provider + " did not serve its discovery document; try again "
                    + "later", null);
        }
        nextFetch = now + minIntervalMillis;
        try {
            Configuration read = read();
            if (!read.equals(held)) {
                LOG.info("{}: discovery document from {}: keys at {}, algorithms {}", provider, documentUri,
                        read.jwksUri(), read.algorithms());
            }
            held = read;
            readAt = now;
            failures = 0;
            return read;
        } catch (ThirdPartyTokenException e) {
            failures++;
            long wait = Math.min(minIntervalMillis, FIRST_RETRY.toMillis() << Math.min(failures - 1, 20));
            nextFetch = clock.millis() + wait;
            LOG.warn("{}: discovery document from {} not usable ({}); next attempt in {} ms{}", provider, documentUri,
                    e.description(), wait, held == null ? "" : ", the configuration read before serving meanwhile");
            if (held != null) {
                return held;
            }
            throw e;
        }
    }

    private Configuration read() {
        ProviderHttpClient.Reply reply = http.get(documentUri, provider);
        if (!reply.isSuccess()) {
            throw unusable("HTTP " + reply.status(), null);
        }
        JsonNode document;
        try {
            document = MAPPER.readTree(reply.body());
        } catch (JacksonException e) {
            throw unusable("not JSON", e);
        }
        if (document == null || !document.isObject()) {
            throw unusable("not a JSON object", null);
        }
        if (!issuer.equals(document.path("issuer").textValue())) {
            throw unusable("it names another issuer than " + issuer, null);
        }
        return new Configuration(jwksUri(document), algorithms(document));
    }

    private URI jwksUri(JsonNode document) {
        String text = document.path("jwks_uri").textValue();
        if (text == null) {
            throw unusable("no jwks_uri", null);
        }
        try {
            URI uri = new URI(text);
            ProviderUris.requireSafe(uri, "jwks_uri");
            return uri;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw unusable("jwks_uri is not an https URL", null);
        }
    }

    private Set<JWSAlgorithm> algorithms(JsonNode document) {
        JsonNode names = document.path("id_token_signing_alg_values_supported");
        if (!names.isArray()) {
            throw unusable("no id_token_signing_alg_values_supported", null);
        }
        Set<JWSAlgorithm> accepted = new LinkedHashSet<>();
        for (JsonNode name : names) {
            if (name.isTextual() && OidcTokenVerifier.ACCEPTED_ALGORITHMS.contains(JWSAlgorithm.parse(name.asText()))) {
                accepted.add(JWSAlgorithm.parse(name.asText()));
            }
        }
        if (accepted.isEmpty()) {
            throw unusable("it signs ID tokens with no algorithm accepted here", null);
        }
        return accepted;
    }

    private ThirdPartyTokenException unusable(String why, Throwable cause) {
        return ThirdPartyTokenException.unavailable(provider + "'s discovery document is not usable: " + why, cause);
    }

    @Override
    public String toString() {
        return "ProviderDiscovery[" + provider + ", " + documentUri + "]";
    }
}
