package dev.tokenservice.http.launcher;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.multibindings.OptionalBinder;
import dev.tokenservice.core.TokenServices;
import dev.tokenservice.core.policy.IssuanceSettings;
import dev.tokenservice.core.policy.TokenLifetimes;
import dev.tokenservice.core.port.AccountLinkStore;
import dev.tokenservice.core.port.ClientStore;
import dev.tokenservice.core.port.TokenSealer;
import dev.tokenservice.core.port.TokenStore;
import dev.tokenservice.core.port.UserAccountStore;
import dev.tokenservice.http.HttpApplication;
import dev.tokenservice.http.guice.HttpModule;
import dev.tokenservice.http.guice.MetadataModule;
import dev.tokenservice.http.guice.PersistenceModule;
import dev.tokenservice.http.guice.ServerModule;
import dev.tokenservice.http.guice.StoresModule;
import dev.tokenservice.http.guice.ThirdPartyGrantsModule;
import dev.tokenservice.http.guice.TokenCoreModule;
import dev.tokenservice.http.health.HealthCheck;
import dev.tokenservice.persistence.Database;
import dev.tokenservice.persistence.DatabaseSettings;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running token server and its lifecycle: open the database and migrate it (unless {@link StartOptions} bring
 * stores of their own), provision the clients (the bootstrap file, or the {@code admin} client on an empty store),
 * start Jetty, schedule the expired-token cleanup; and on {@link #close()}: stop Jetty (gracefully unless the options
 * say otherwise: requests in flight finish), stop the cleanup, then close the pool. Used by the {@link Launcher} and by
 * the test fixture. Thread-safe for reads; {@link #close()} once.
 */
public final class TokenServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TokenServer.class);

    /** {@code null} when the start options brought their own stores. */
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
        return start(config, console, StartOptions.DEFAULT);
    }

    /**
     * Starts a server whose stores, clock, filters or stop {@code options} change (the test fixture's); with
     * {@link StartOptions#DEFAULT} the same as {@link #start(ServerConfig, PrintStream)}.
     *
     * @throws IllegalArgumentException for a bad configuration or bootstrap file
     * @throws IllegalStateException    when the server cannot start (database, port)
     */
    public static TokenServer start(ServerConfig config, PrintStream console, StartOptions options) {
        // The database opens and migrates on a thread of its own, and the bootstrap file is read on another, while
        // the port is bound and the injector built: nothing touches the database before awaitMigrated().
        DatabaseStartup startup = options.stores() == null ? DatabaseStartup.begin(databaseSettings(config)) : null;
        ClientProvisioning clients = ClientProvisioning.begin(config);
        JettyServer jetty = null;
        try {
            jetty = JettyServer.bind(config.host(), config.port(), config.requestLog(), options.gracefulStop());
            return wire(config, options, startup, clients, jetty, console);
        } catch (RuntimeException e) {
            if (jetty != null) {
                jetty.close();
            }
            if (startup != null) {
                startup.abandon();
            }
            throw e;
        }
    }

    /** {@code startup} is {@code null} when the options bring their own stores. */
    private static TokenServer wire(ServerConfig config, StartOptions options, DatabaseStartup startup,
            ClientProvisioning clients, JettyServer jetty, PrintStream console) {
        Database database = startup == null ? null : startup.database();
        Injector injector = Guice.createInjector(Stage.PRODUCTION, modules(config, options, database, jetty.port()));
        if (startup != null) {
            startup.awaitMigrated();
        }
        clients.apply(injector, console);
        HttpApplication application = injector.getInstance(HttpApplication.class);
        ServletContextHandler context = application.newContextHandler();
        for (Filter filter : options.filters()) {
            context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        jetty.start(context, application.newErrorHandler());
        ExpiredTokenCleanup cleanup = ExpiredTokenCleanup.schedule(injector.getInstance(TokenStore.class),
                config.cleanupInterval());
        URI baseUri = URI.create("http://" + hostForUri(config.host()) + ":" + jetty.port());
        String issuer = config.issuerFor(jetty.port());
        LOG.info("token server listening on {} (issuer {}, sealing {}, third-party grants {})", baseUri, issuer,
                injector.getInstance(TokenSealer.class).isEnabled() ? "on" : "off",
                config.thirdPartyProviders().grantTypes());
        return new TokenServer(database, jetty, cleanup, injector, baseUri, issuer);
    }

    private static DatabaseSettings databaseSettings(ServerConfig config) {
        return config.database()
                .map(url -> new DatabaseSettings(url, config.databaseUser(), config.databasePassword()))
                .orElseGet(() -> DatabaseSettings.h2File(config.dataDir()));
    }

    /**
     * The server's modules; the metadata names the port bound, which the default issuer holds. {@code database} is
     * {@code null} when the options bring their own stores.
     */
    private static List<Module> modules(ServerConfig config, StartOptions options, Database database, int port) {
        IssuanceSettings issuance = IssuanceSettings.DEFAULT.withLifetimes(
                new TokenLifetimes(config.accessTokenTtl(), config.refreshTokenTtl()));
        StartOptions.Stores stores = options.stores();
        List<Module> modules = new ArrayList<>(List.of(
                new TokenCoreModule(),
                stores == null ? new PersistenceModule(database) : new StoresModule(stores.tokens(),
                        stores.tokenQuery(), stores.clients(), stores.users(), stores.accountLinks()),
                new HttpModule(),
                new MetadataModule(config.metadataFor(port)),
                new ServerModule(SealingKeys.sealer(config), issuance,
                        stores == null ? new DatabaseHealthCheck(database.dataSource()) : HealthCheck.ALWAYS_UP,
                        config.clientCacheTtl()),
                new ThirdPartyGrantsModule(config.thirdPartyProviders())));
        Clock clock = options.clock();
        if (clock != null) {
            modules.add(binder -> OptionalBinder.newOptionalBinder(binder, Clock.class).setBinding().toInstance(clock));
        }
        return modules;
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

    /** Where the server keeps its tokens, for tools and test fixtures that store tokens of their own. */
    public TokenStore tokens() {
        return injector.getInstance(TokenStore.class);
    }

    /** What seals the token values the server keeps ({@link TokenSealer#NONE} when sealing is off). */
    public TokenSealer sealer() {
        return injector.getInstance(TokenSealer.class);
    }

    /** The clock the server reads. */
    public Clock clock() {
        return injector.getInstance(Clock.class);
    }

    /** Requests being handled right now; what a graceful stop waits for. */
    long requestsInFlight() {
        return jetty.requestsInFlight();
    }

    /**
     * Stops Jetty (gracefully unless the start options said otherwise: requests in flight finish), then the cleanup,
     * then closes the database pool, if the server opened one.
     */
    @Override
    public void close() {
        jetty.close();
        cleanup.close();
        if (database != null) {
            database.close();
        }
        LOG.info("token server stopped");
    }
}
