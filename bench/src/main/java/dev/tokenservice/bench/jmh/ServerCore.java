package dev.tokenservice.bench.jmh;

import dev.tokenservice.core.Administrator;
import dev.tokenservice.core.TokenServices;
import dev.tokenservice.core.auth.StoredUserDirectory;
import dev.tokenservice.core.cache.CachingClientStore;
import dev.tokenservice.core.crypto.AesGcmTokenSealer;
import dev.tokenservice.core.crypto.DelegatingSecretHasher;
import dev.tokenservice.core.crypto.SecureRandomTokenValueGenerator;
import dev.tokenservice.core.crypto.Sha256SecretHasher;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientAuthentication;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.ClientSecret;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.HolderSelector;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.model.UserAccount;
import dev.tokenservice.core.policy.IssuanceSettings;
import dev.tokenservice.core.policy.RevocationSettings;
import dev.tokenservice.core.policy.TokenLifetimes;
import dev.tokenservice.core.port.ClientStore;
import dev.tokenservice.core.port.SecretHasher;
import dev.tokenservice.core.port.TokenEventListener;
import dev.tokenservice.core.port.TokenQuery;
import dev.tokenservice.core.port.TokenSealer;
import dev.tokenservice.core.port.TokenStore;
import dev.tokenservice.core.port.TokenValueGenerator;
import dev.tokenservice.core.port.UserAccountStore;
import dev.tokenservice.persistence.Database;
import dev.tokenservice.persistence.DatabaseSettings;
import dev.tokenservice.persistence.DurabilityBarrier;
import dev.tokenservice.persistence.JdbiTokenStore;
import dev.tokenservice.testkit.InMemoryClientStore;
import dev.tokenservice.testkit.InMemoryTokenStore;
import dev.tokenservice.testkit.InMemoryUserAccountStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The core assembled as the stand-alone server assembles it ({@code TokenServer} with {@code TokenCoreModule},
 * {@code PersistenceModule} and {@code ServerModule}), over one of two stores:
 *
 * <ul>
 *   <li>{@value #MEMORY}: the testkit's in-memory stores, to see the core's own cost without a database;</li>
 *   <li>{@value #H2}: the JDBI adapters on an H2 file database in a fresh temporary folder, opened with
 *       {@link DatabaseSettings#h2File} and migrated, exactly as the server opens its default database.</li>
 * </ul>
 *
 * <p>Everything else is the server's: clients read through a {@link CachingClientStore} that keeps them for its
 * default time to live (the server's {@code TOKEN_CLIENT_CACHE_TTL}), the system UTC clock, {@link SecureRandomTokenValueGenerator}, client secrets
 * verified by {@link DelegatingSecretHasher#standard()}, a {@link StoredUserDirectory} whose passwords are also
 * verified by {@link DelegatingSecretHasher#standard()} (PBKDF2 at 600,000 iterations for new hashes), AES-256-GCM
 * sealing under a random key, the default issuance (one hour, thirty days, a new token per request) and revocation
 * settings, and no event listener. {@link #close()} closes the database and deletes its folder. Thread-safe.
 */
final class ServerCore implements AutoCloseable {
    static final String MEMORY = "memory";
    static final String H2 = "h2";

    /** The scopes of the clients registered here: {@code read write}, {@code read} by default. */
    static final Scope ALLOWED_SCOPES = Scope.of("read", "write");

    private final TokenServices services;
    private final TokenStore tokens;
    private final ClientStore clients;
    private final UserAccountStore accounts;
    private final SecretHasher userPasswords;
    private final TokenValueGenerator values;
    private final TokenSealer sealer;
    private final Stores stores;

    private ServerCore(Stores stores, SecretHasher userPasswords) {
        this.stores = stores;
        this.tokens = stores.tokens();
        this.clients = new CachingClientStore(stores.clients(), stores.clock(), CachingClientStore.DEFAULT_TTL);
        this.accounts = stores.accounts();
        this.userPasswords = userPasswords;
        this.values = new SecureRandomTokenValueGenerator(stores.clock());
        this.sealer = AesGcmTokenSealer.fromBase64(AesGcmTokenSealer.newBase64Key());
        this.services = TokenServices.builder()
                .tokenStore(tokens)
                .tokenQuery(stores.query())
                .clientStore(clients)
                .userDirectory(new StoredUserDirectory(accounts, userPasswords))
                .clock(stores.clock())
                .valueGenerator(values)
                .secretHasher(DelegatingSecretHasher.standard())
                .sealer(sealer)
                .eventListener(TokenEventListener.NONE)
                .issuance(IssuanceSettings.DEFAULT.withLifetimes(TokenLifetimes.DEFAULT))
                .revocation(RevocationSettings.DEFAULT)
                .build();
    }

    /**
     * Opens the core over {@code store}, {@value #MEMORY} or {@value #H2}.
     *
     * @throws IllegalArgumentException for another store name
     */
    static ServerCore open(String store) {
        Clock clock = Clock.systemUTC();
        Stores stores = switch (Objects.requireNonNull(store, "store")) {
            case MEMORY -> memory(clock);
            case H2 -> h2File(clock);
            default -> throw new IllegalArgumentException("store must be " + MEMORY + " or " + H2 + ": " + store);
        };
        try {
            return new ServerCore(stores, DelegatingSecretHasher.standard());
        } catch (RuntimeException e) {
            stores.close();
            throw e;
        }
    }

    private static Stores memory(Clock clock) {
        InMemoryTokenStore tokens = new InMemoryTokenStore(clock);
        return new Stores(clock, tokens, tokens, new InMemoryClientStore(), new InMemoryUserAccountStore(), null, null);
    }

    private static Stores h2File(Clock clock) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("token-bench-h2-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the H2 database", e);
        }
        Database database = Database.open(DatabaseSettings.h2File(dataDir));
        try {
            database.migrate();
        } catch (RuntimeException e) {
            database.close();
            deleteFolder(dataDir);
            throw e;
        }
        return new Stores(clock, database.tokenStore(clock), database.tokenQuery(clock), database.clientStore(),
                database.userAccountStore(), database, dataDir);
    }

    TokenServices services() {
        return services;
    }

    /**
     * The token store under the core, for filling it before a benchmark: the same adapter on the same database, except
     * that on H2 a write does not wait for the file flush that the server's writes wait for (group commit), which would
     * make a load of 100,000 tokens take minutes. Call {@link #endBulkLoad()} after the last save.
     */
    TokenStore bulkLoadTokens() {
        Database database = stores.database();
        // Deliberately no wait after each write: endBulkLoad() flushes once for the whole load.
        DurabilityBarrier flushedAtTheEnd = () -> { };
        return database == null ? tokens : new JdbiTokenStore(database.jdbi(), stores.clock(), flushedAtTheEnd);
    }

    /** Writes what a bulk load committed to the database file and syncs it, as one flush of the server would. */
    void endBulkLoad() {
        Database database = stores.database();
        if (database == null) {
            return;
        }
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new IllegalStateException("could not flush the H2 database after the bulk load", e);
        }
    }

    /** The server's token value generator. */
    TokenValueGenerator values() {
        return values;
    }

    /** The server's sealer, under this core's random key. */
    TokenSealer sealer() {
        return sealer;
    }

    /**
     * Registers a confidential client as the server registers the clients it creates itself: a generated
     * high-entropy secret hashed with SHA-256 ({@code $sha256$}). Returns its credentials as sent with HTTP Basic.
     */
    ClientAuthentication registerGeneratedClient(String clientId, GrantType... grantTypes) {
        String secret = SecureRandomTokenValueGenerator.newClientSecret();
        clients.save(Client.builder(clientId)
                .secretHash(new Sha256SecretHasher().hash(secret))
                .grantTypes(grantTypes)
                .allowedScopes(ALLOWED_SCOPES)
                .defaultScopes(Scope.of("read"))
                .build());
        return ClientAuthentication.basic(ClientId.of(clientId), ClientSecret.of(secret));
    }

    /** An administrator, authorized by a client-credentials token of a new client holding {@code TOKENS_ADMIN}. */
    Administrator authorizeAdministrator() {
        String secret = SecureRandomTokenValueGenerator.newClientSecret();
        Client admin = Client.builder("administrator")
                .secretHash(new Sha256SecretHasher().hash(secret))
                .grantTypes(GrantType.CLIENT_CREDENTIALS)
                .authorities(Authority.TOKENS_ADMIN)
                .build();
        clients.save(admin);
        TokenResponse issued = services.tokenService().issue(new TokenRequest(GrantType.CLIENT_CREDENTIALS,
                ClientAuthentication.basic(admin.clientId(), ClientSecret.of(secret)), Map.of()));
        return services.administration().authorize(issued.accessToken());
    }

    /** Stores a user account as given (its password hash included). */
    void saveAccount(UserAccount account) {
        accounts.save(account);
    }

    /** The hasher the server hashes user passwords with: PBKDF2 at 600,000 iterations. */
    SecretHasher userPasswords() {
        return userPasswords;
    }

    /**
     * Bounds what an issuance benchmark leaves behind, between iterations. The in-memory store keeps every token on
     * the heap, where millions of them would soon cost more in garbage collection than the issuance itself: there,
     * every token of the client is revoked (straight in the store). The H2 database keeps its tokens, as a
     * server's does between two cleanups; deleting them in bulk would set H2 compacting its file during the next
     * iteration.
     */
    void discardTokensInMemory(ClientId clientId) {
        if (stores.database() == null) {
            tokens.revokeSelected(HolderSelector.client(clientId));
        }
    }

    @Override
    public void close() {
        stores.close();
    }

    private static void deleteFolder(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }

    /** The stores of one core, and the database and folder to release when it closes (none in memory). */
    private record Stores(Clock clock, TokenStore tokens, TokenQuery query, ClientStore clients,
            UserAccountStore accounts, Database database, Path dataDir) {
        void close() {
            if (database != null) {
                database.close();
            }
            if (dataDir != null) {
                deleteFolder(dataDir);
            }
        }
    }
}
