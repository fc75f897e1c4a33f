package dev.tokenservice.bench.jmh;

import dev.tokenservice.core.Administrator;
import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.ClientAuthentication;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.SecretHash;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenId;
import dev.tokenservice.core.model.TokenPair;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.model.UserAccount;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.policy.TokenLifetimes;
import dev.tokenservice.core.port.TokenSealer;
import dev.tokenservice.core.port.TokenStore;
import dev.tokenservice.core.port.TokenValueGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A server core whose store already holds many live access tokens (100,000 by default, {@code -p tokens=N} for
 * another count), for the benchmarks that look tokens up by value. The tokens are minted as the issuer mints them:
 * a {@link TokenValueGenerator} value and id, the SHA-256 digest as key, the value sealed with AES-256-GCM, the
 * default one-hour lifetime. They belong to 10 clients and 1,000 users; one token in ten is a client's own (no
 * user), as client credentials issues, the others a user's. The users all store one PBKDF2 hash, computed once:
 * lookups never check a password.
 *
 * <p>The store is filled once per trial, outside the measured time, through {@link TokenStore#save} one token at a
 * time (the store's only write), from two threads; on H2 without the flush to disk after each save, and with one
 * flush at the end (see {@link ServerCore#bulkLoadTokens()}). {@link #anyToken()} picks one of the stored values at
 * random on every call, so lookups spread over the whole table as a resource server's calls do.
 */
@State(Scope.Benchmark)
public class StoredTokens {
    private static final int CLIENTS = 10;
    private static final int USERS = 1_000;

    @Param({ServerCore.MEMORY, ServerCore.H2})
    public String store;

    @Param("100000")
    public int tokens;

    private ServerCore core;
    private TokenValue[] values;
    private ClientAuthentication resourceServer;
    private Administrator administrator;

    @Setup(Level.Trial)
    public void fill() {
        core = ServerCore.open(store);
        ClientId[] clients = new ClientId[CLIENTS];
        for (int i = 0; i < CLIENTS; i++) {
            clients[i] = core.registerGeneratedClient("client-" + i,
                    GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD, GrantType.REFRESH_TOKEN).clientId();
        }
        SecretHash sharedHash = core.userPasswords().hash("unused password");
        Username[] users = new Username[USERS];
        for (int i = 0; i < USERS; i++) {
            users[i] = Username.of("user-" + i);
            core.saveAccount(new UserAccount(users[i], sharedHash, Set.of()));
        }
        resourceServer = core.registerGeneratedClient("resource-server", GrantType.CLIENT_CREDENTIALS);
        administrator = core.authorizeAdministrator();
        values = new TokenValue[tokens];
        long start = System.nanoTime();
        // Two savers at once (the common pool and the caller, on two cores): the store is thread-safe.
        TokenStore bulk = core.bulkLoadTokens();
        IntStream.range(0, tokens).parallel().forEach(i -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Username user = i % 10 == 0 ? null : users[random.nextInt(USERS)];
            values[i] = save(bulk, clients[random.nextInt(CLIENTS)], user);
        });
        core.endBulkLoad();
        System.out.printf("(%,d tokens stored in %s in %.1f s) ", tokens, store, (System.nanoTime() - start) / 1e9);
    }

    private TokenValue save(TokenStore tokenStore, ClientId client, Username user) {
        TokenValueGenerator generator = core.values();
        TokenSealer sealer = core.sealer();
        TokenValue value = generator.newValue();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        tokenStore.save(TokenPair.accessOnly(new AccessToken(TokenId.of(generator.newId()), TokenDigest.of(value),
                sealer.seal(value).orElseThrow(), client, user, ServerCore.ALLOWED_SCOPES, now,
                now.plus(TokenLifetimes.DEFAULT.accessToken()), null)));
        return value;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        core.close();
    }

    /** The core over the filled store. */
    ServerCore core() {
        return core;
    }

    /** The value of a stored live access token, chosen at random. */
    TokenValue anyToken() {
        return values[ThreadLocalRandom.current().nextInt(values.length)];
    }

    /** The credentials of a confidential client that introspects tokens ({@code $sha256$} secret). */
    ClientAuthentication resourceServer() {
        return resourceServer;
    }

    /** An administrator, authorized once: introspection without client authentication. */
    Administrator administrator() {
        return administrator;
    }
}
