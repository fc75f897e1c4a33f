package dev.tokenservice.http.launcher;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.multibindings.OptionalBinder;
import dev.tokenservice.core.TokenServices;
import dev.tokenservice.core.auth.AuthenticationThrottle;
import dev.tokenservice.core.policy.IssuanceSettings;
import dev.tokenservice.core.policy.TokenLifetimes;
import dev.tokenservice.core.port.AccountLinkStore;
import dev.tokenservice.core.port.ClientStore;
import dev.tokenservice.core.port.TokenSealer;
import dev.tokenservice.core.port.TokenStore;
import dev.tokenservice.core.port.UserAccountStore;
import dev.tokenservice.http.HttpApplication;
import dev.tokenservice.http.guice.AuditModule;
import dev.tokenservice.http.guice.HttpModule;
import dev.tokenservice.http.guice.JwtModule;
import dev.tokenservice.http.guice.MetadataModule;
import dev.tokenservice.http.guice.MetricsModule;
import dev.tokenservice.http.guice.PersistenceModule;
import dev.tokenservice.http.guice.PolicyModule;
import dev.tokenservice.http.guice.ServerModule;
import dev.tokenservice.http.guice.SharedThrottleModule;
import dev.tokenservice.http.guice.StoresModule;
import dev.tokenservice.http.guice.ThirdPartyGrantsModule;
import dev.tokenservice.http.guice.ThrottleModule;
import dev.tokenservice.http.guice.TokenCoreModule;
import dev.tokenservice.http.health.HealthCheck;
import dev.tokenservice.http.jwt.SigningKeys;
import dev.tokenservice.persistence.Database;
import dev.tokenservice.persistence.DatabaseSettings;
import io.micrometer.core.instrument.MeterRegistry;
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
    private final JwtKeys keyUpkeep;
    private final ServerMeters meters;
    private final Injector injector;
    private final URI baseUri;
    private final String issuer;

    private TokenServer(Database database, JettyServer jetty, ExpiredTokenCleanup cleanup, JwtKeys keyUpkeep,
            ServerMeters meters,
            Injector injector, URI baseUri, String issuer) {
        this.database = database;
        this.jetty = jetty;
        this.cleanup = cleanup;
        this.keyUpkeep = keyUpkeep;
        this.meters = meters;
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
     * {@link StartOptions#DEFAULT} the same as {@link #start(ServerConfig, PrintStream)}. The clock is the time of its
     * tokens and of its signing-key rotation (tests move it).
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
            jetty = JettyServer.bind(config.host(), config.port(), config.requestLog(),
                    new TrustedProxyCustomizer(config.edge().trustedProxies(), config.issuer() == null),
                    options.gracefulStop());
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
        Clock clock = options.clock() != null ? options.clock() : Clock.systemUTC();
        SigningKeys signingKeys = JwtKeys.open(config, clock);
        Injector injector = Guice.createInjector(Stage.PRODUCTION,
                modules(config, options, database, jetty.port(), signingKeys, clock));
        if (startup != null) {
            startup.awaitMigrated();
        }
        clients.apply(injector, console);
        HttpApplication application = injector.getInstance(HttpApplication.class);
        ServletContextHandler context = application.newContextHandler();
        for (Filter filter : options.filters()) {
            context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        ServerMeters meters = config.observability().metrics()
                ? ServerMeters.bind(injector.getInstance(MeterRegistry.class), jetty.threadPool(),
                        database == null ? null : database.dataSource())
                : null;
        try {
            jetty.start(CrossOriginPaths.wrap(context, config.edge().corsOrigins(), config.edge().corsMaxAge()),
                    application.newErrorHandler());
        } catch (RuntimeException e) {
            if (meters != null) {
                meters.close();
            }
            throw e;
        }
        ExpiredTokenCleanup cleanup = ExpiredTokenCleanup.schedule(injector.getInstance(TokenStore.class),
                injector.getInstance(AuthenticationThrottle.class), config.cleanupInterval());
        JwtKeys keyUpkeep = JwtKeys.maintainEveryMinute(signingKeys);
        URI baseUri = URI.create("http://" + hostForUri(config.host()) + ":" + jetty.port());
        String issuer = config.issuerFor(jetty.port());
        LOG.info("token server listening on {} (issuer {}, sealing {}, access tokens {} by default, "
                + "third-party grants {}, throttle {}, {})", baseUri, issuer,
                injector.getInstance(TokenSealer.class).isEnabled() ? "on" : "off",
                config.jwt().defaultFormat().wireName(), config.thirdPartyProviders().grantTypes(), config.throttle(),
                config.observability());
        return new TokenServer(database, jetty, cleanup, keyUpkeep, meters, injector, baseUri, issuer);
    }

    private static DatabaseSettings databaseSettings(ServerConfig config) {
        return config.database()
                .map(url -> new DatabaseSettings(url, config.databaseUser(), config.databasePassword()))
                .orElseGet(() -> DatabaseSettings.h2File(config.dataDir()));
    }

    /**
     * The server's modules; the metadata names the port bound, which the default issuer holds. {@code database} is
     * {@code null} when the options bring their own stores. The audit log and the metrics join when they are on.
     */
    private static List<Module> modules(ServerConfig config, StartOptions options, Database database, int port,
            SigningKeys signingKeys, Clock clock) {
        IssuanceSettings issuance = IssuanceSettings.DEFAULT
                .withLifetimes(new TokenLifetimes(config.accessTokenTtl(), config.refreshTokenTtl()))
                .withLiveTokenLimit(config.policies().issuancePolicy())
                .withRefreshFamilies(config.refreshFamilies())
                .withFormats(config.jwt().formats());
        String issuer = config.issuerFor(port);
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
                new ThirdPartyGrantsModule(config.thirdPartyProviders()),
                new PolicyModule(config.policies().revocation(), config.policies().defaultScopes()),
                new JwtModule(signingKeys, issuer, config.jwt().audienceFor(issuer)),
                (Module) binder -> OptionalBinder.newOptionalBinder(binder, Clock.class).setBinding().toInstance(clock),
                new ThrottleModule(config.throttle().settings())));
        config.observability().audit().ifPresent(format -> modules.add(new AuditModule(format)));
        if (config.observability().metrics()) {
            modules.add(new MetricsModule());
        }
        if (stores == null && config.throttle().sharedOn(databaseSettings(config).url())) {
            modules.add(new SharedThrottleModule());
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

    /** Whether {@link #close()} has begun. */
    boolean stopping() {
        return jetty.stopping();
    }

    /**
     * Stops Jetty (gracefully unless the start options said otherwise: requests in flight finish), then the cleanup
     * and the signing-key upkeep, then closes the database pool, if the server opened one.
     */
    @Override
    public void close() {
        jetty.close();
        cleanup.close();
        keyUpkeep.close();
        if (meters != null) {
            meters.close();
        }
        if (database != null) {
            database.close();
        }
        LOG.info("token server stopped");
    }
}
