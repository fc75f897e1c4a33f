package dev.tokenservice.bench.jmh;

import dev.tokenservice.core.crypto.AesGcmTokenSealer;
import dev.tokenservice.core.crypto.DelegatingSecretHasher;
import dev.tokenservice.core.crypto.SecureRandomTokenValueGenerator;
import dev.tokenservice.core.crypto.Sha256SecretHasher;
import dev.tokenservice.core.model.SealedToken;
import dev.tokenservice.core.model.SecretHash;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.port.SecretHasher;
import dev.tokenservice.core.port.TokenSealer;
import dev.tokenservice.core.port.TokenValueGenerator;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cryptography the issuer spends on every access token, piece by piece: a new value and a new id from
 * {@link SecureRandomTokenValueGenerator}, the SHA-256 {@link TokenDigest} the token is stored under, the AES-256-GCM
 * seal of the value ({@link AesGcmTokenSealer}, a fresh nonce each time), the digest and the seal together, and all
 * of it at once ({@link #mintAccessToken}). Also the check of a generated client secret ({@code $sha256$} through
 * {@link DelegatingSecretHasher#standard()}), which every client-authenticated request pays. Together these show how
 * much of an issuance or an introspection is cryptography, before any store is involved. Single thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+UseSerialGC",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@State(Scope.Benchmark)
public class TokenCryptoBenchmark {
    private final TokenValueGenerator values = new SecureRandomTokenValueGenerator(Clock.systemUTC());
    private final SecretHasher clientSecrets = DelegatingSecretHasher.standard();
    private TokenSealer sealer;
    private TokenValue value;
    private String clientSecret;
    private SecretHash clientSecretHash;

    @Setup
    public void setUp() {
        sealer = AesGcmTokenSealer.fromBase64(AesGcmTokenSealer.newBase64Key());
        value = values.newValue();
        clientSecret = SecureRandomTokenValueGenerator.newClientSecret();
        clientSecretHash = new Sha256SecretHasher().hash(clientSecret);
    }

    /** 32 random bytes, base64url: one token value. */
    @Benchmark
    public TokenValue newValue() {
        return values.newValue();
    }

    /** 16 random bytes, base64url: one token id (or family id). */
    @Benchmark
    public String newId() {
        return values.newId();
    }

    /** SHA-256 of a token value, base64url: the storage key of every token, computed again on every lookup. */
    @Benchmark
    public TokenDigest digest() {
        return TokenDigest.of(value);
    }

    /** AES-256-GCM of a token value under a fresh 96-bit nonce, as stored for the administration view. */
    @Benchmark
    public Optional<SealedToken> seal() {
        return sealer.seal(value);
    }

    /** What the issuer computes from an access-token value: its digest and its sealed copy. */
    @Benchmark
    public void digestAndSeal(Blackhole blackhole) {
        blackhole.consume(TokenDigest.of(value));
        blackhole.consume(sealer.seal(value));
    }

    /** All the cryptography of one access token: new value, new id, digest, seal. */
    @Benchmark
    public void mintAccessToken(Blackhole blackhole) {
        TokenValue fresh = values.newValue();
        blackhole.consume(values.newId());
        blackhole.consume(TokenDigest.of(fresh));
        blackhole.consume(sealer.seal(fresh));
    }

    /** Client authentication's secret check for a server-generated secret ({@code $sha256$}), as the server runs it. */
    @Benchmark
    public boolean verifyGeneratedClientSecret() {
        return clientSecrets.verify(clientSecret, clientSecretHash);
    }
}
