package dev.tokenservice.bench.jmh;

import dev.tokenservice.core.TokenService;
import dev.tokenservice.core.model.TokenPrincipal;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code TokenService.verifyAccessToken}: what the server runs for every bearer-protected call (RFC 6750), e.g. the
 * administration API and introspection by a bearer token. The SHA-256 digest of the presented value, the lookup of
 * the live access token by that digest, then its client and (for a user's token) its user, read fresh, for the
 * authorities. Random tokens among the {@link StoredTokens} (100,000 by default), over the in-memory stores and over
 * an H2 file database, on one thread. (No variant on more threads: each would fill a store of its own, which on H2
 * takes half a minute; {@code -t 2} runs this one on two.)
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+UseSerialGC",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class BearerVerificationBenchmark {

    /** One verification on one thread. */
    @Benchmark
    public Optional<TokenPrincipal> verifyAccessToken(StoredTokens stored) {
        TokenService tokens = stored.core().services().tokenService();
        Optional<TokenPrincipal> principal = tokens.verifyAccessToken(stored.anyToken());
        if (principal.isEmpty()) {
            throw new IllegalStateException("a stored live token did not verify");
        }
        return principal;
    }
}
