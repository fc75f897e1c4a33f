package dev.tokenservice.http.thirdparty;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenID Connect provider on loopback: publishes a JWK set at {@code /jwks}, or wherever the test moves it (public
 * keys only), its discovery document at {@code /.well-known/openid-configuration}, and mints ID tokens signed with test
 * keys. Keys are published, rotated and withdrawn by the test, the discovery document rewritten or taken down.
 */
public final class OidcProviderStub extends StubServer {
    public static final String CLIENT_ID = "our-app.apps.example.test";

    private volatile JWKSet published = new JWKSet();
    private volatile String raw;
    private final AtomicInteger keyFetches = new AtomicInteger();
    private final AtomicInteger discoveryFetches = new AtomicInteger();
    /** The discovery document served; {@code null} for the default one. */
    private volatile String discovery;
    private volatile int discoveryStatus = 200;
    private volatile String keysPath = "/jwks";

    @Override
    Reply answer(String path, Map<String, String> query) {
        if (path.equals("/.well-known/openid-configuration")) {
            discoveryFetches.incrementAndGet();
            return new Reply(discoveryStatus, discovery != null ? discovery : discoveryDocument(issuer(),
                    jwksUri().toString(), "RS256", "ES256"));
        }
        if (!path.equals(keysPath)) {
            return new Reply(404, "{}");
        }
        keyFetches.incrementAndGet();
        JWKSet keys = published;
        return new Reply(200, keys != null ? keys.toString() : raw);
    }

    /** A new RSA key pair (2048 bits) named {@code kid}; not published. */
    public static RSAKey rsaKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new EC key pair on P-256 named {@code kid}; not published. */
    public static ECKey ecKey(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes exactly these keys (their public halves). */
    public void publish(JWK... keys) {
        published = new JWKSet(List.of(keys)).toPublicJWKSet();
    }

    /** Serves {@code body} as the JWK set, whatever it is. */
    public void publishRaw(String body) {
        published = null;
        raw = body;
    }

    public URI jwksUri() {
        return baseUri().resolve(keysPath);
    }

    /** Serves the keys at {@code path} from now on, and nowhere else. */
    public void moveKeysTo(String path) {
        keysPath = path;
    }

    /** A discovery document with these fields (and the other fields OpenID Connect Discovery §3 requires). */
    public static String discoveryDocument(String issuer, String jwksUri, String... algorithms) {
        return "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/authorize\","
                + "\"jwks_uri\":\"" + jwksUri + "\",\"response_types_supported\":[\"code\",\"id_token\"],"
                + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\""
                + String.join("\",\"", algorithms) + "\"]}";
    }

    /** Serves {@code body} as the discovery document, whatever it is; {@code null} for the default one. */
    public void serveDiscovery(String body) {
        discovery = body;
    }

    /** Answers requests for the discovery document with {@code status} (and the document, whatever it is). */
    public void discoveryStatus(int status) {
        discoveryStatus = status;
    }

    /** How many times the discovery document was asked for. */
    public int discoveryFetches() {
        return discoveryFetches.get();
    }

    /** The issuer this provider writes into its tokens. */
    public String issuer() {
        return baseUri().toString();
    }

    /** How many times the JWK set was served. */
    public int keyFetches() {
        return keyFetches.get();
    }

    /** The claims of a fresh ID token for {@code subject}, issued at {@code now} for an hour, to {@link #CLIENT_ID}. */
    public JWTClaimsSet.Builder claims(String subject, Instant now) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(subject)
                .audience(CLIENT_ID)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("email", subject + "@example.com")
                .claim("email_verified", true)
                .claim("name", "User " + subject);
    }

    /** {@code claims} signed by {@code key} (RS256 for RSA, ES256 for EC), naming the key's id. */
    public static String sign(JWK key, JWTClaimsSet claims) {
        try {
            boolean rsa = key instanceof RSAKey;
            JWSSigner signer = rsa ? new RSASSASigner((RSAKey) key) : new ECDSASigner((ECKey) key);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(rsa ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256)
                    .keyID(key.getKeyID()).build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
