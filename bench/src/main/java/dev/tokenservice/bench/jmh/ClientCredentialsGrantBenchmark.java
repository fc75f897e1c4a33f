package dev.tokenservice.bench.jmh;

import dev.tokenservice.core.TokenService;
import dev.tokenservice.core.model.ClientAuthentication;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.core.model.TokenResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code TokenService.issue} for the client credentials grant (RFC 6749 §4.4), the busiest grant of machine clients:
 * client authentication with a server-generated secret ({@code $sha256$}), the grant's checks, then a new access
 * token (value, id, digest, AES-GCM seal) saved in the store; on H2 the save returns once the database file is
 * flushed to disk, as every write of the server does. No refresh token comes with this grant. Over the in-memory
 * stores and over an H2 file database; on one thread (average time), and on two and eight (throughput).
 *
 * <p>The tokens issued stay in the store. The in-memory store is emptied after each iteration, outside the measured
 * time, so that the heap does not fill up; the H2 database keeps them, as a server's does between two cleanups.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+UseSerialGC",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@State(Scope.Benchmark)
public class ClientCredentialsGrantBenchmark {
    private static final String CLIENT_ID = "machine-client";

    @Param({ServerCore.MEMORY, ServerCore.H2})
    public String store;

    private ServerCore core;
    private TokenService tokens;
    private TokenRequest request;

    @Setup(Level.Trial)
    public void setUp() {
        core = ServerCore.open(store);
        tokens = core.services().tokenService();
        ClientAuthentication client = core.registerGeneratedClient(CLIENT_ID, GrantType.CLIENT_CREDENTIALS);
        request = new TokenRequest(GrantType.CLIENT_CREDENTIALS, client, Map.of(TokenRequest.SCOPE, "read"));
    }

    @TearDown(Level.Iteration)
    public void discardIssuedTokens() {
        core.discardTokensInMemory(request.client().clientId());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        core.close();
    }

    /** One issuance on one thread. */
    @Benchmark
    public TokenResponse issue() {
        return tokens.issue(request);
    }

    /** Issuances from two threads at once, for the same client. */
    @Benchmark
    @Threads(2)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public TokenResponse issueOnTwoThreads() {
        return tokens.issue(request);
    }

    /**
     * Issuances from eight threads at once: more writers than cores, as under HTTP load, so that on H2 one flush to
     * disk serves several of them (group commit).
     */
    @Benchmark
    @Threads(8)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public TokenResponse issueOnEightThreads() {
        return tokens.issue(request);
    }
}
