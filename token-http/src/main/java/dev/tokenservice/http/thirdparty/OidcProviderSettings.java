package dev.tokenservice.http.thirdparty;

import dev.tokenservice.core.port.ThirdPartyTokenVerifier;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * An OpenID Connect provider whose ID tokens a third-party grant accepts (Google is one).
 *
 * @param grantType          the grant name, and the provider's name in account links: {@code google},
 *                           {@code oidc:acme}
 * @param issuers            the accepted {@code iss} values, matched exactly (OpenID Connect Core §3.1.3.7 step 2)
 * @param jwksUri            where the provider publishes its signing keys (JWK set, RFC 7517 §5); https, or http on
 *                           a loopback address only. {@code null}: read, with the signing algorithms, from the
 *                           provider's discovery document ({@link ProviderDiscovery}), which needs exactly one issuer,
 *                           itself an https URL (http on a loopback address only)
 * @param clientIds          our client ids at the provider: an ID token's {@code aud} must hold one of them
 * @param requireNonce       whether a request must send the {@code nonce} it expects in the token
 * @param createUsers        whether a first sign-in creates a local user
 * @param keyMaxAge          how long fetched keys are used before they are fetched again
 * @param minRefreshInterval the shortest time between a successful fetch of the keys and the next, however many tokens
 *                           name an unknown key; after a failed fetch the next comes sooner, 1 s after it and at
 *                           doubling waits up to this interval
 */
public record OidcProviderSettings(
        String grantType,
        Set<String> issuers,
        URI jwksUri,
        Set<String> clientIds,
        boolean requireNonce,
        boolean createUsers,
        Duration keyMaxAge,
        Duration minRefreshInterval) implements ProviderSettings {

    /** Google's issuers: its ID tokens carry either form (Google Identity, "Validate an ID token"). */
    public static final Set<String> GOOGLE_ISSUERS = Set.of("https://accounts.google.com", "accounts.google.com");
    public static final URI GOOGLE_JWKS_URI = URI.create("https://www.googleapis.com/oauth2/v3/certs");
    public static final Duration DEFAULT_KEY_MAX_AGE = Duration.ofHours(1);
    public static final Duration DEFAULT_MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);

    public OidcProviderSettings {
        Objects.requireNonNull(grantType, "grantType");
        issuers = Set.copyOf(issuers);
        clientIds = Set.copyOf(clientIds);
        Objects.requireNonNull(keyMaxAge, "keyMaxAge");
        Objects.requireNonNull(minRefreshInterval, "minRefreshInterval");
        if (grantType.isBlank()) {
            throw new IllegalArgumentException("grant type must not be blank");
        }
        if (issuers.isEmpty()) {
            throw new IllegalArgumentException(grantType + ": at least one issuer is required");
        }
        if (clientIds.isEmpty()) {
            throw new IllegalArgumentException(grantType + ": at least one client id is required");
        }
        if (jwksUri != null) {
            ProviderUris.requireSafe(jwksUri, grantType + " JWKS URL");
        } else if (issuers.size() != 1) {
            throw new IllegalArgumentException(grantType + ": discovery needs exactly one issuer");
        } else {
            ProviderUris.requireSafe(ProviderDiscovery.documentUri(issuers.iterator().next(), grantType),
                    grantType + " issuer");
        }
        if (minRefreshInterval.isNegative() || keyMaxAge.isNegative() || keyMaxAge.isZero()) {
            throw new IllegalArgumentException(grantType + ": key cache durations must be positive");
        }
    }

    /** Google, for ID tokens issued to {@code clientIds}, with Google's issuers and keys and the default cache. */
    public static OidcProviderSettings google(Set<String> clientIds, boolean createUsers) {
        return new OidcProviderSettings("google", GOOGLE_ISSUERS, GOOGLE_JWKS_URI, clientIds, false, createUsers,
                DEFAULT_KEY_MAX_AGE, DEFAULT_MIN_REFRESH_INTERVAL);
    }

    /** Any OpenID Connect provider, with the default key cache; {@code jwksUri} {@code null} to discover it. */
    public static OidcProviderSettings of(String grantType, String issuer, URI jwksUri, Set<String> clientIds,
            boolean createUsers) {
        return new OidcProviderSettings(grantType, Set.of(issuer), jwksUri, clientIds, false, createUsers,
                DEFAULT_KEY_MAX_AGE, DEFAULT_MIN_REFRESH_INTERVAL);
    }

    /**
     * Any OpenID Connect provider, known by its issuer alone: its JWK set URL and signing algorithms are read from its
     * discovery document ({@code <issuer>/.well-known/openid-configuration}); the default key cache.
     */
    public static OidcProviderSettings discovered(String grantType, String issuer, Set<String> clientIds,
            boolean createUsers) {
        return of(grantType, issuer, null, clientIds, createUsers);
    }

    /** Whether the JWK set URL and the algorithms come from the provider's discovery document. */
    public boolean isDiscovered() {
        return jwksUri == null;
    }

    @Override
    public ThirdPartyTokenVerifier newVerifier(ProviderHttpClient http, Clock clock) {
        return new OidcTokenVerifier(this, http, clock);
    }

    public OidcProviderSettings withIssuers(Set<String> values) {
        return new OidcProviderSettings(grantType, values, jwksUri, clientIds, requireNonce, createUsers, keyMaxAge,
                minRefreshInterval);
    }

    public OidcProviderSettings withJwksUri(URI value) {
        return new OidcProviderSettings(grantType, issuers, value, clientIds, requireNonce, createUsers, keyMaxAge,
                minRefreshInterval);
    }

    public OidcProviderSettings withRequireNonce(boolean value) {
        return new OidcProviderSettings(grantType, issuers, jwksUri, clientIds, value, createUsers, keyMaxAge,
                minRefreshInterval);
    }

    public OidcProviderSettings withMinRefreshInterval(Duration value) {
        return new OidcProviderSettings(grantType, issuers, jwksUri, clientIds, requireNonce, createUsers, keyMaxAge,
                value);
    }
}
