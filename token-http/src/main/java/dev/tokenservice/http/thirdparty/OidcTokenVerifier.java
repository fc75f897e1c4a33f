package dev.tokenservice.http.thirdparty;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tokenservice.core.model.ThirdPartyIdentity;
import dev.tokenservice.core.model.ThirdPartySubject;
import dev.tokenservice.core.model.ThirdPartyToken;
import dev.tokenservice.core.port.ThirdPartyTokenException;
import dev.tokenservice.core.port.ThirdPartyTokenVerifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies OpenID Connect ID tokens (OpenID Connect Core §3.1.3.7) of one provider, Google or any other: a JWS
 * (RFC 7515) signed with an asymmetric algorithm by a key of the provider's JWK set, fetched and cached by
 * {@link JwksCache} (the set's URL configured, or read with the provider's algorithms from its discovery document by
 * {@link ProviderDiscovery}); {@code iss} one of the configured issuers; {@code aud} holding one of our client ids
 * (and, with several audiences, {@code azp} naming ours); {@code exp}, {@code iat} and {@code nbf} within a clock skew
 * of {@link #CLOCK_SKEW}; {@code nonce} equal to the expected one when the request sends one (or the provider requires
 * it). Unsigned tokens ({@code alg: none}) and HMAC-signed tokens are refused before any key is looked at, so a token
 * "signed" with the provider's public key as an HMAC secret gets nowhere. A token that is not three segments of
 * canonical base64url ({@link CompactJws}) is refused before it is parsed, and one the JWT library cannot read, however
 * it fails, is refused too (never a server error). The e-mail address is passed on only when {@code email_verified} is
 * true. Thread-safe.
 */
final class OidcTokenVerifier implements ThirdPartyTokenVerifier {
    /** How far apart our clock and the provider's may be (OpenID Connect Core §3.1.3.7 leaves it to us). */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    /** The asymmetric JWS algorithms accepted (RFC 7518 §3.1); EdDSA needs a library the server does not carry. */
    static final Set<JWSAlgorithm> ACCEPTED_ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private static final Logger LOG = LoggerFactory.getLogger(OidcTokenVerifier.class);

    private final OidcProviderSettings settings;
    private final ProviderHttpClient http;
    private final Clock clock;
    /** {@code null} when the JWK set URL is configured. */
    private final ProviderDiscovery discovery;
    /** The configured URL with every accepted algorithm; {@code null} with discovery. */
    private final ProviderDiscovery.Configuration configured;
    /** The keys at the URL used last; replaced under {@code this}. */
    private volatile JwksCache keys;
    private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();

    OidcTokenVerifier(OidcProviderSettings settings, ProviderHttpClient http, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (settings.isDiscovered()) {
            this.discovery = new ProviderDiscovery(settings.grantType(), settings.issuers().iterator().next(), http,
                    clock, settings.keyMaxAge(), settings.minRefreshInterval());
            this.configured = null;
        } else {
            this.discovery = null;
            this.configured = new ProviderDiscovery.Configuration(settings.jwksUri(), ACCEPTED_ALGORITHMS);
            this.keys = newCache(settings.jwksUri());
        }
    }

    @Override
    public ThirdPartyIdentity verify(ThirdPartyToken token) {
        SignedJWT jwt = parse(token.value());
        JWSHeader header = jwt.getHeader();
        if (!ACCEPTED_ALGORITHMS.contains(header.getAlgorithm())) {
            throw reject("the token's signature algorithm is not accepted");
        }
        ProviderDiscovery.Configuration provider = discovery == null ? configured : discovery.current();
        if (!provider.algorithms().contains(header.getAlgorithm())) {
            throw reject("the provider does not sign ID tokens with the token's algorithm");
        }
        checkSignature(jwt, keyFor(header, provider));
        JWTClaimsSet claims = claims(jwt);
        try {
            checkIssuer(claims);
            checkAudience(claims);
            checkTimes(claims);
            checkNonce(claims, token);
            return identity(claims);
        } catch (ThirdPartyTokenException e) {
            throw e;
        } catch (RuntimeException e) {
            // Signed JSON of any shape reaches these checks: a claim they did not foresee is a refusal, not a 500.
            throw unreadable("the token's claims cannot be read", e);
        }
    }

    private SignedJWT parse(String value) {
        // Before any parsing, so that a token has one spelling and every segment the checks see is the one signed.
        if (!CompactJws.isCanonical(value)) {
            throw reject("the token is not a JWS in compact serialization of canonical base64url");
        }
        try {
            // Refuses "alg": "none" too: an unsecured JWT has no JWS header.
            return SignedJWT.parse(value);
        } catch (ParseException e) {
            throw reject("the token is not a signed JWT");
        } catch (RuntimeException e) {
            throw unreadable("the token is not a signed JWT", e);
        }
    }

    private JWK keyFor(JWSHeader header, ProviderDiscovery.Configuration provider) {
        JWKMatcher matcher;
        try {
            matcher = JWKMatcher.forJWSHeader(header);
        } catch (RuntimeException e) {
            throw unreadable("the token's header cannot be read", e);
        }
        List<JWK> found = matcher == null ? List.of() : select(matcher, provider);
        if (found.size() != 1) {
            // None: a made-up or retired key id. Several: the token names no key and the set has many.
            throw reject("the token's signing key is not one of the provider's keys");
        }
        return found.get(0);
    }

    /**
     * The keys that {@code matcher} selects at the provider's JWK set URL. With discovery, when the keys there cannot
     * be fetched or none matches, the discovery document is read again (at the rate it allows): a provider that moved
     * its keys to another URL says so there.
     */
    private List<JWK> select(JWKMatcher matcher, ProviderDiscovery.Configuration provider) {
        List<JWK> found;
        try {
            found = keysAt(provider.jwksUri()).select(matcher);
        } catch (ThirdPartyTokenException e) {
            if (discovery == null) {
                throw e;
            }
            URI moved = discovery.refreshed().jwksUri();
            if (moved.equals(provider.jwksUri())) {
                throw e;
            }
            return keysAt(moved).select(matcher);
        }
        if (found.isEmpty() && discovery != null) {
            URI moved = discovery.refreshed().jwksUri();
            if (!moved.equals(provider.jwksUri())) {
                return keysAt(moved).select(matcher);
            }
        }
        return found;
    }

    /** The cache of the keys at {@code uri}: the one held, or a new one when the provider's URL changed. */
    private JwksCache keysAt(URI uri) {
        JwksCache current = keys;
        if (current != null && current.uri().equals(uri)) {
            return current;
        }
        synchronized (this) {
            if (keys == null || !keys.uri().equals(uri)) {
                keys = newCache(uri);
            }
            return keys;
        }
    }

    private JwksCache newCache(URI uri) {
        return new JwksCache(settings.grantType(), uri, http, clock, settings.keyMaxAge(),
                settings.minRefreshInterval());
    }

    private void checkSignature(SignedJWT jwt, JWK key) {
        if (!(key instanceof AsymmetricJWK asymmetric)) {
            throw reject("the token's signing key is not one of the provider's keys");
        }
        boolean valid;
        try {
            JWSVerifier verifier = verifiers.createJWSVerifier(jwt.getHeader(), asymmetric.toPublicKey());
            valid = jwt.verify(verifier);
        } catch (JOSEException e) {
            throw reject("the token's signature cannot be checked");
        } catch (RuntimeException e) {
            throw unreadable("the token's signature cannot be checked", e);
        }
        if (!valid) {
            throw reject("the token's signature is not valid");
        }
    }

    private JWTClaimsSet claims(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw reject("the token's claims cannot be read");
        } catch (RuntimeException e) {
            throw unreadable("the token's claims cannot be read", e);
        }
    }

    private void checkIssuer(JWTClaimsSet claims) {
        if (claims.getIssuer() == null || !settings.issuers().contains(claims.getIssuer())) {
            throw reject("the token was issued by another issuer");
        }
    }

    private void checkAudience(JWTClaimsSet claims) {
        List<String> audience = claims.getAudience();
        // The JWT library hands a JSON null in the aud array over as null, which the client id set cannot look up.
        if (audience.stream().anyMatch(Objects::isNull) || audience.stream().noneMatch(settings.clientIds()::contains)) {
            throw reject("the token was issued to another application");
        }
        // OpenID Connect Core §3.1.3.7 steps 4 and 5: with several audiences, the authorized party must be us.
        Object azp = claims.getClaim("azp");
        boolean azpOurs = azp instanceof String party && settings.clientIds().contains(party);
        if ((audience.size() > 1 || azp != null) && !azpOurs) {
            throw reject("the token was issued to another application");
        }
    }

    private void checkTimes(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Instant expires = instant(claims.getExpirationTime());
        Instant issued = instant(claims.getIssueTime());
        if (expires == null || issued == null) {
            throw reject("the token lacks exp or iat");
        }
        if (!now.isBefore(expires.plus(CLOCK_SKEW))) {
            throw reject("the token has expired");
        }
        if (issued.isAfter(now.plus(CLOCK_SKEW))) {
            throw reject("the token was issued in the future");
        }
        Instant notBefore = instant(claims.getNotBeforeTime());
        if (notBefore != null && notBefore.isAfter(now.plus(CLOCK_SKEW))) {
            throw reject("the token is not valid yet");
        }
    }

    private void checkNonce(JWTClaimsSet claims, ThirdPartyToken token) {
        Object nonce = claims.getClaim("nonce");
        if (token.nonce() != null) {
            boolean matches = nonce instanceof String carried && MessageDigest.isEqual(
                    carried.getBytes(StandardCharsets.UTF_8),
                    Optional.ofNullable(token.nonce()).get().getBytes(StandardCharsets.UTF_8));
            if (!matches) {
                throw reject("the token does not carry the expected nonce");
            }
        } else if (settings.requireNonce()) {
            throw reject("nonce is required for this grant");
        }
    }

    private ThirdPartyIdentity identity(JWTClaimsSet claims) {
        String subject = claims.getSubject();
        if (subject == null) {
            throw reject("the token names no subject");
        }
        ThirdPartySubject thirdPartySubject;
        try {
            thirdPartySubject = ThirdPartySubject.of(settings.grantType(), subject);
        } catch (IllegalArgumentException e) {
            throw reject("the token's subject is malformed");
        }
        String email = text(claims.getClaim("email"));
        // Only an address the provider verified may be passed on (OpenID Connect Core §5.1 email_verified).
        String verifiedEmail = isTrue(claims.getClaim("email_verified")) ? email : null;
        return new ThirdPartyIdentity(thirdPartySubject, verifiedEmail, text(claims.getClaim("name")));
    }

    private ThirdPartyTokenException reject(String why) {
        LOG.info("{}: ID token refused: {}", settings.grantType(), why);
        return ThirdPartyTokenException.rejected(settings.grantType() + " ID token refused: " + why);
    }

    /**
     * A token that made the JWT library throw where it reports malformed input with a checked exception elsewhere (a
     * header that is JSON {@code null} did): a token we cannot read is not one we vouch for, so {@code invalid_grant}
     * and never a server error. Logged like any refusal, with the exception's type but not its message, which may
     * quote the token; its trace only at debug level.
     */
    private ThirdPartyTokenException unreadable(String why, RuntimeException e) {
        LOG.info("{}: ID token refused: {} ({} from the JWT library)", settings.grantType(), why,
                e.getClass().getName());
        LOG.debug("{}: the JWT library's failure on a refused ID token", settings.grantType(), e);
        return ThirdPartyTokenException.rejected(settings.grantType() + " ID token refused: " + why);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String text(Object claim) {
        return claim instanceof String value && value.length() <= 320 ? value : null;
    }

    /** {@code true}, or the string {@code "true"} that some providers still send. */
    private static boolean isTrue(Object claim) {
        return Boolean.TRUE.equals(claim) || "true".equals(claim);
    }

    @Override
    public String toString() {
        return "OidcTokenVerifier[" + settings.grantType() + ", "
                + (discovery == null ? "jwks=" + settings.jwksUri() : discovery) + "]";
    }
}
