package dev.tokenservice.http.launcher;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import dev.tokenservice.core.TokenServices;
import dev.tokenservice.core.policy.IssuanceSettings;
import dev.tokenservice.core.policy.TokenLifetimes;
import dev.tokenservice.core.port.AccountLinkStore;
import dev.tokenservice.core.port.ClientStore;
import dev.tokenservice.core.port.SecretHasher;
import dev.tokenservice.core.port.TokenSealer;
import dev.tokenservice.core.port.TokenStore;
import dev.tokenservice.core.port.UserAccountStore;
import dev.tokenservice.http.HttpApplication;
import dev.tokenservice.http.guice.GeneratedSecrets;
import dev.tokenservice.http.guice.HttpModule;
import dev.tokenservice.http.guice.MetadataModule;
import dev.tokenservice.http.guice.PersistenceModule;
import dev.tokenservice.http.guice.ServerModule;
import dev.tokenservice.http.guice.ThirdPartyGrantsModule;
import dev.tokenservice.http.guice.TokenCoreModule;
import dev.tokenservice.http.guice.UserPasswords;
import dev.tokenservice.persistence.Database;
import dev.tokenservice.persistence.DatabaseSettings;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running token server and its lifecycle: open the database and migrate it (on a thread of its own, while the port
 * is bound and the injector built), import the bootstrap file (or create the {@code admin} client on an empty store),
 * start Jetty, schedule the expired-token cleanup; and on {@link #close()}: stop Jetty gracefully (requests in flight
 * finish), stop the cleanup, then close the pool. Used by the {@link Launcher} and by the test fixture. Thread-safe
 * for reads; {@link #close()} once.
 */
public final class TokenServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TokenServer.class);

    private final Database database;
    private final JettyServer jetty;
    private final ExpiredTokenCleanup cleanup;
    private final Injector injector;
    private final URI baseUri;
    private final String issuer;

    private TokenServer(Database database, JettyServer jetty, ExpiredTokenCleanup cleanup, Injector injector,
            URI baseUri, String issuer) {
        this.database = database;
        this.jetty = jetty;
        this.cleanup = cleanup;
        this.injector = injector;
        this.baseUri = baseUri;
        this.issuer = issuer;
    }

    /**
     * Starts a server.
     *
     * @param config  the configuration
     * @param console where the one-time secret of a created {@code admin} client is printed (not the log)
     * @throws IllegalArgumentException for a bad configuration or bootstrap file
     * @throws IllegalStateException    when the server cannot start (database, port)
     */
    public static TokenServer start(ServerConfig config, PrintStream console) {
        DatabaseSettings settings = config.database()
                .map(url -> new DatabaseSettings(url, config.databaseUser(), config.databasePassword()))
                .orElseGet(() -> DatabaseSettings.h2File(config.dataDir()));
        // Nothing reads or writes the database before the clients are provisioned: it opens and migrates meanwhile.
        DatabaseStartup startup = DatabaseStartup.begin(settings);
        try {
            return wire(config, startup, console);
        } catch (RuntimeException e) {
            startup.abandon();
            throw e;
        }
    }

    private static TokenServer wire(ServerConfig config, DatabaseStartup startup, PrintStream console) {
        // Reading the bootstrap file (Jackson's first use) runs beside the binding of the port.
        BackgroundTask<Optional<BootstrapFile>> bootstrap = BackgroundTask.start("token-bootstrap-read",
                () -> config.bootstrap().map(BootstrapFile::read));
        TokenSealer sealer = SealingKeys.sealer(config);
        IssuanceSettings issuance = IssuanceSettings.DEFAULT.withLifetimes(
                new TokenLifetimes(config.accessTokenTtl(), config.refreshTokenTtl()));
        JettyServer jetty;
        try {
            jetty = JettyServer.bind(config.host(), config.port());
        } catch (Exception e) {
            throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port(), e);
        }
        try {
            Optional<BootstrapFile> file = bootstrap.join();
            Database database = startup.database();
            // The port is bound first: the default issuer, and so the metadata, names it.
            Injector injector = Guice.createInjector(Stage.PRODUCTION, new TokenCoreModule(),
                    new PersistenceModule(database), new HttpModule(), new MetadataModule(config.metadataFor(jetty.port())),
                    new ServerModule(sealer, issuance, new DatabaseHealthCheck(database.dataSource())),
                    new ThirdPartyGrantsModule(config.thirdPartyProviders()));
            startup.awaitMigrated();
            file.ifPresentOrElse(entries -> importBootstrap(entries, config.bootstrap().get(), injector),
                    () -> createAdminClient(injector, console));
            HttpApplication application = injector.getInstance(HttpApplication.class);
            jetty.start(application.newContextHandler(), application.newErrorHandler());
            ExpiredTokenCleanup cleanup = ExpiredTokenCleanup.schedule(injector.getInstance(TokenStore.class),
                    config.cleanupInterval());
            URI baseUri = URI.create("http://" + hostForUri(config.host()) + ":" + jetty.port());
            String issuer = config.issuerFor(jetty.port());
            LOG.info("token server listening on {} (issuer {}, sealing {}, third-party grants {})", baseUri, issuer,
                    sealer.isEnabled() ? "on" : "off", config.thirdPartyProviders().grantTypes());
            return new TokenServer(database, jetty, cleanup, injector, baseUri, issuer);
        } catch (RuntimeException e) {
            closeQuietly(jetty);
            throw e;
        } catch (Exception e) {
            closeQuietly(jetty);
            throw new IllegalStateException("cannot serve on " + config.host() + ":" + jetty.port(), e);
        }
    }

    private static void closeQuietly(JettyServer jetty) {
        try {
            jetty.close();
        } catch (Exception e) {
            LOG.warn("Jetty did not stop cleanly", e);
        }
    }

    /** Creates or replaces the clients and users of the bootstrap file {@code file}, read from {@code path}. */
    private static void importBootstrap(BootstrapFile file, Path path, Injector injector) {
        new BootstrapImport(injector.getInstance(ClientStore.class), injector.getInstance(UserAccountStore.class),
                injector.getInstance(TokenServices.class).secretHasher(),
                injector.getInstance(Key.get(SecretHasher.class, UserPasswords.class))).apply(file);
        LOG.info("imported {} clients and {} users from {}", file.clients().size(), file.users().size(), path);
    }

    /** Without a bootstrap file: creates the {@code admin} client when there is no client at all. */
    private static void createAdminClient(Injector injector, PrintStream console) {
        Optional<String> secret = AdminClient.createIfNoClient(injector.getInstance(ClientStore.class),
                injector.getInstance(Key.get(SecretHasher.class, GeneratedSecrets.class)));
        secret.ifPresent(value -> {
            LOG.info("created the client '{}' with authority TOKENS_ADMIN; its secret is printed once on the console",
                    AdminClient.CLIENT_ID);
            console.println("Created client '" + AdminClient.CLIENT_ID + "' (client_credentials, TOKENS_ADMIN).");
            console.println("Its secret, shown this once: " + value);
            console.flush();
        });
    }

    private static String hostForUri(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** Where the server answers, e.g. {@code http://127.0.0.1:8080}. */
    public URI baseUri() {
        return baseUri;
    }

    /** The issuer identifier the metadata names (RFC 8414 §2), e.g. {@code http://localhost:8080}. */
    public String issuer() {
        return issuer;
    }

    /** The port actually bound. */
    public int port() {
        return baseUri.getPort();
    }

    /** The registered clients, for tools and test fixtures that register their own. */
    public ClientStore clients() {
        return injector.getInstance(ClientStore.class);
    }

    /** The stored user accounts, for tools and test fixtures that register their own. */
    public UserAccountStore users() {
        return injector.getInstance(UserAccountStore.class);
    }

    /** The links from accounts at providers to local users (third-party grants). */
    public AccountLinkStore accountLinks() {
        return injector.getInstance(AccountLinkStore.class);
    }

    /** The assembled core the server runs on. */
    public TokenServices core() {
        return injector.getInstance(TokenServices.class);
    }

    /** Requests being handled right now; what a graceful stop waits for. */
    long requestsInFlight() {
        return jetty.requestsInFlight();
    }

    /** Stops Jetty gracefully (requests in flight finish), then the cleanup, then closes the database pool. */
    @Override
    public void close() {
        try {
            jetty.close();
        } catch (Exception e) {
            LOG.warn("Jetty did not stop cleanly", e);
        }
        cleanup.close();
        database.close();
        LOG.info("token server stopped");
    }
}
