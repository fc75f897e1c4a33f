package dev.tokenservice.bench.jmh;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.tokenservice.core.model.AccessTokenClaims;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.TokenId;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.http.jwt.JwtAccessTokenSigner;
import dev.tokenservice.http.jwt.KeyRingStore;
import dev.tokenservice.http.jwt.KeyRotationSettings;
import dev.tokenservice.http.jwt.SigningAlgorithm;
import dev.tokenservice.http.jwt.SigningKey;
import dev.tokenservice.http.jwt.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JWT access tokens (RFC 9068) on nimbus-jose-jwt: {@link #sign} is what the server adds to an issuance in the JWT
 * format (claims to JSON, the signature, compact serialization), with its ring's current key; {@link #verifyOffline}
 * is what a resource server spends per request instead of calling introspection: nimbus's {@code DefaultJWTProcessor}
 * with the published keys in hand ({@code at+jwt}, algorithm, signature, issuer, audience, expiry and required
 * claims). The token carries a client id, a scope and two authorities. Single thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+UseSerialGC",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
public class JwtAccessTokenBenchmark {
    private static final String ISSUER = "https://auth.example.com";

    @Param({"ES256", "RS256"})
    public String algorithm;

    private JwtAccessTokenSigner signer;
    private AccessTokenClaims claims;
    private DefaultJWTProcessor<SecurityContext> verifier;
    private String token;

    @Setup
    public void setUp() throws Exception {
        SigningAlgorithm signing = SigningAlgorithm.named(algorithm);
        SigningKeys keys = SigningKeys.open(KeyRingStore.inMemory(),
                new KeyRotationSettings(signing, Duration.ofHours(1), null), Clock.systemUTC());
        signer = new JwtAccessTokenSigner(keys, ISSUER, ISSUER);
        Instant now = Instant.now();
        claims = new AccessTokenClaims(TokenId.of("01KBZ8Q5X2N4R7T9V1W3Y5Z7A9"), ClientId.of("orders.worker"), null,
                Scope.of("orders:read", "orders:write"), Set.of(Authority.of("ORDERS_WORKER"), Authority.of("AUDITOR")),
                now, now.plus(Duration.ofDays(1)));
        token = signer.sign(claims).value();
        JWKSet published = new JWKSet(keys.ring().keys().stream().map(SigningKey::jwk).map(JWK::toPublicJWK).toList());
        verifier = new DefaultJWTProcessor<>();
        verifier.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        verifier.setJWSKeySelector(new JWSVerificationKeySelector<>(signing.jws(), new ImmutableJWKSet<>(published)));
        verifier.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(ISSUER,
                new JWTClaimsSet.Builder().issuer(ISSUER).build(), Set.of("sub", "exp", "iat", "jti", "client_id")));
    }

    /** One JWT access token: claims, header, signature, serialization. */
    @Benchmark
    public TokenValue sign() {
        return signer.sign(claims);
    }

    /** A resource server's offline check of one token with the published keys in hand. */
    @Benchmark
    public JWTClaimsSet verifyOffline() throws Exception {
        return verifier.process(token, null);
    }
}
