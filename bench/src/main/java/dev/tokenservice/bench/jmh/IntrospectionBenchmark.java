package dev.tokenservice.bench.jmh;

import dev.tokenservice.core.TokenService;
import dev.tokenservice.core.model.Introspection;
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
 * {@code TokenService.introspect}: the SHA-256 digest, the lookup of the access token by digest, and the checks that
 * its client and user still exist. {@link #authenticateAndIntrospect} adds what the introspection endpoint does first
 * for a caller that authenticates as a client (RFC 7662 §2.1): {@code TokenService.authenticateClient} with a
 * server-generated {@code $sha256$} secret, one more client lookup. Random tokens among the {@link StoredTokens}
 * (100,000 by default), over the in-memory stores and over an H2 file database, on one thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+UseSerialGC",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class IntrospectionBenchmark {

    /** One introspection on one thread. */
    @Benchmark
    public Introspection introspect(StoredTokens stored) {
        return active(stored.core().services().tokenService().introspect(stored.anyToken()));
    }

    /** Client authentication of the caller, then introspection, as the endpoint runs them, on one thread. */
    @Benchmark
    public Introspection authenticateAndIntrospect(StoredTokens stored) {
        TokenService tokens = stored.core().services().tokenService();
        tokens.authenticateClient(stored.resourceServer());
        return active(tokens.introspect(stored.anyToken()));
    }

    private static Introspection active(Introspection introspection) {
        if (!introspection.active()) {
            throw new IllegalStateException("a stored live token was not active");
        }
        return introspection;
    }
}
