package dev.tokenservice.bench.jmh;

import dev.tokenservice.core.TokenService;
import dev.tokenservice.core.crypto.Pbkdf2SecretHasher;
import dev.tokenservice.core.model.ClientAuthentication;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.model.UserAccount;
import dev.tokenservice.core.model.Username;
import java.util.Map;
import java.util.Set;
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
 * {@code TokenService.issue} for the refresh token grant with rotation (RFC 6749 §6, §10.4), what every client of a
 * user does once an hour: client authentication ({@code $sha256$} secret), lookup of the refresh token by digest, the
 * user's existence check, then a new access and refresh token saved while the old refresh token is marked used, in
 * one transaction (on H2 followed by the flush to disk that every write of the server waits for). Each thread walks
 * its own chain: every invocation presents the refresh token the previous one received and keeps the new one, so
 * nothing is prepared per invocation. Over the in-memory stores and over an H2 file database; on one thread (average
 * time) and on two (throughput, two chains of one client).
 *
 * <p>Each chain starts with one password grant before each iteration. The user's password is stored as PBKDF2 at
 * 1,000 iterations (the server verifies a stored hash at whatever cost it was made with) so that this start costs
 * about a millisecond; it is not measured. The in-memory store is emptied after each iteration, outside the measured
 * time, so that the heap does not fill up; the H2 database keeps every token, as a server's does between cleanups.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+UseSerialGC",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@State(Scope.Benchmark)
public class RefreshTokenGrantBenchmark {
    private static final String CLIENT_ID = "app-client";
    private static final Username USER = Username.of("chain-user");
    private static final String PASSWORD = "chain-user-password";

    @Param({ServerCore.MEMORY, ServerCore.H2})
    public String store;

    private ServerCore core;
    private TokenService tokens;
    private ClientAuthentication client;

    @Setup(Level.Trial)
    public void setUp() {
        core = ServerCore.open(store);
        tokens = core.services().tokenService();
        client = core.registerGeneratedClient(CLIENT_ID, GrantType.PASSWORD, GrantType.REFRESH_TOKEN);
        core.saveAccount(new UserAccount(USER, new Pbkdf2SecretHasher(1_000).hash(PASSWORD), Set.of()));
    }

    @TearDown(Level.Iteration)
    public void discardIssuedTokens() {
        core.discardTokensInMemory(client.clientId());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        core.close();
    }

    /** One thread's rotation chain: the refresh token to present next. */
    @State(Scope.Thread)
    public static class Chain {
        TokenValue current;

        @Setup(Level.Iteration)
        public void start(RefreshTokenGrantBenchmark benchmark) {
            current = benchmark.tokens.issue(new TokenRequest(GrantType.PASSWORD, benchmark.client,
                    Map.of(TokenRequest.USERNAME, USER.value(), TokenRequest.PASSWORD, PASSWORD))).refreshToken();
        }
    }

    /** One rotation on one thread. */
    @Benchmark
    public TokenResponse rotate(Chain chain) {
        return rotateOnce(chain);
    }

    /** Rotations on two threads at once, each along its own chain. */
    @Benchmark
    @Threads(2)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public TokenResponse rotateOnTwoThreads(Chain chain) {
        return rotateOnce(chain);
    }

    private TokenResponse rotateOnce(Chain chain) {
        TokenResponse response = tokens.issue(new TokenRequest(GrantType.REFRESH_TOKEN, client,
                Map.of(TokenRequest.REFRESH_TOKEN, chain.current.value())));
        chain.current = response.refreshToken();
        return response;
    }
}
