package dev.tokenservice.bench.jmh;

import dev.tokenservice.core.TokenService;
import dev.tokenservice.core.crypto.Sha256SecretHasher;
import dev.tokenservice.core.model.ClientAuthentication;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.core.model.TokenResponse;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code TokenService.issue} for the resource owner password credentials grant (RFC 6749 §4.3): client
 * authentication ({@code $sha256$} secret), the user's password check, then a new access and refresh token saved
 * together (on H2 followed by the flush to disk). Two users make two benchmarks that differ only in the stored
 * password hash, so their difference is the password hash alone:
 *
 * <ul>
 *   <li>{@link #issueWithPbkdf2Password}: the server's default, PBKDF2-HMAC-SHA256 at 600,000 iterations (OWASP).
 *       About half a second per call by design, so it runs with few, longer iterations and reports milliseconds;</li>
 *   <li>{@link #issueWithSha256Password}: a {@code $sha256$} hash, which the same hasher verifies in about a
 *       microsecond: everything the grant costs but the password hash.</li>
 * </ul>
 *
 * Over the in-memory stores and over an H2 file database, on one thread. The in-memory store is emptied after each
 * iteration, outside the measured time; the H2 database keeps every token.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+UseSerialGC",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@State(Scope.Benchmark)
public class PasswordGrantBenchmark {
    private static final String CLIENT_ID = "app-client";
    private static final Username PBKDF2_USER = Username.of("pbkdf2-user");
    private static final Username SHA256_USER = Username.of("sha256-user");
    private static final String PASSWORD = "correct horse battery staple";

    @Param({ServerCore.MEMORY, ServerCore.H2})
    public String store;

    private ServerCore core;
    private TokenService tokens;
    private ClientAuthentication client;
    private TokenRequest pbkdf2Request;
    private TokenRequest sha256Request;

    @Setup(Level.Trial)
    public void setUp() {
        core = ServerCore.open(store);
        tokens = core.services().tokenService();
        client = core.registerGeneratedClient(CLIENT_ID, GrantType.PASSWORD, GrantType.REFRESH_TOKEN);
        core.saveAccount(new UserAccount(PBKDF2_USER, core.userPasswords().hash(PASSWORD), Set.of()));
        core.saveAccount(new UserAccount(SHA256_USER, new Sha256SecretHasher().hash(PASSWORD), Set.of()));
        pbkdf2Request = passwordRequest(PBKDF2_USER);
        sha256Request = passwordRequest(SHA256_USER);
    }

    private TokenRequest passwordRequest(Username user) {
        return new TokenRequest(GrantType.PASSWORD, client,
                Map.of(TokenRequest.USERNAME, user.value(), TokenRequest.PASSWORD, PASSWORD));
    }

    @TearDown(Level.Iteration)
    public void discardIssuedTokens() {
        core.discardTokensInMemory(client.clientId());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        core.close();
    }

    /** The password grant as the server runs it by default: PBKDF2 at 600,000 iterations. */
    @Benchmark
    @Warmup(iterations = 1, time = 2)
    @Measurement(iterations = 3, time = 2)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public TokenResponse issueWithPbkdf2Password() {
        return tokens.issue(pbkdf2Request);
    }

    /** The same grant with a {@code $sha256$} password hash: the cost of everything but the hash. */
    @Benchmark
    public TokenResponse issueWithSha256Password() {
        return tokens.issue(sha256Request);
    }
}
