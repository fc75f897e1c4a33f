package dev.tokenservice.bench.jmh;

import dev.tokenservice.core.TokenService;
import dev.tokenservice.core.model.Introspection;
import dev.tokenservice.core.model.IntrospectionRequest;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Introspection of active access tokens (RFC 7662), the resource servers' hot path. {@link #introspect} is
 * introspection by an administrator already authorized: the SHA-256 digest, the lookup of the access token by digest,
 * and the checks that its client and user still exist. {@link #authenticateAndIntrospect} is introspection by a
 * client (RFC 7662 §2.1), which adds the authentication of a server-generated {@code $sha256$} secret and one more
 * client lookup. Random tokens among the {@link StoredTokens} (100,000 by default), over the in-memory stores and
 * over an H2 file database, on one thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+UseSerialGC",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class IntrospectionBenchmark {

    /** One introspection by an authorized administrator, on one thread. */
    @Benchmark
    public Introspection introspect(StoredTokens stored) {
        return active(stored.core().services().tokenService().introspect(stored.administrator(), stored.anyToken()));
    }

    /** Client authentication of the caller, then introspection, as the endpoint runs them, on one thread. */
    @Benchmark
    public Introspection authenticateAndIntrospect(StoredTokens stored) {
        TokenService tokens = stored.core().services().tokenService();
        return active(tokens.introspect(new IntrospectionRequest(stored.resourceServer(), stored.anyToken())));
    }

    private static Introspection active(Introspection introspection) {
        if (!introspection.active()) {
            throw new IllegalStateException("a stored live token was not active");
        }
        return introspection;
    }
}
