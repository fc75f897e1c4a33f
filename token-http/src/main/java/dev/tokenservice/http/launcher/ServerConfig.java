package dev.tokenservice.http.launcher;

import dev.tokenservice.core.cache.CachingClientStore;
import dev.tokenservice.core.crypto.AesGcmTokenSealer;
import dev.tokenservice.core.model.LiveTokenLimit;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.policy.RefreshFamilySettings;
import dev.tokenservice.http.discovery.MetadataSettings;
import dev.tokenservice.http.thirdparty.ThirdPartyProviders;
import dev.tokenservice.persistence.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * The stand-alone server's configuration. Each setting is read from an environment variable, and a system property
 * of the same name in lower case with dots ({@code TOKEN_SERVER_PORT} → {@code -Dtoken.server.port}) overrides it.
 * {@link #toString()} never shows the database password or the sealing key. Immutable.
 *
 * @param host             {@code TOKEN_SERVER_HOST}: the address to listen on (default {@code 127.0.0.1})
 * @param port             {@code TOKEN_SERVER_PORT}: the port (default 8080; 0 picks a free one)
 * @param databaseUrl      {@code TOKEN_DB_URL}: a JDBC URL; {@code null} for the H2 file {@code <data>/tokens}
 * @param databaseUser     {@code TOKEN_DB_USER}; {@code null} for none
 * @param databasePassword {@code TOKEN_DB_PASSWORD}; {@code null} for none
 * @param issuer           {@code TOKEN_ISSUER}: the public base URL; {@code null} for {@code http://localhost:<port>}
 * @param sealingKey       {@code TOKEN_SEALING_KEY}: base64 of 32 bytes, or {@code off}; {@code null} to use (or
 *                         create) the key file in the data folder
 * @param accessTokenTtl   {@code TOKEN_ACCESS_TTL} in seconds (default 3600)
 * @param refreshTokenTtl  {@code TOKEN_REFRESH_TTL} in seconds (default 2592000)
 * @param bootstrapFile    {@code TOKEN_BOOTSTRAP_FILE}: clients and users to create or update; {@code null} for none
 * @param dataDir          {@code TOKEN_DATA_DIR}: the data folder (default {@code ./data})
 * @param cleanupInterval  {@code TOKEN_CLEANUP_INTERVAL} in seconds (default 300): how often expired tokens go
 * @param scopesSupported  {@code TOKEN_SCOPES_SUPPORTED}: space-separated scopes to advertise in the metadata
 *                         ({@code scopes_supported}); {@code null} to leave the field out
 * @param serviceDocumentation {@code TOKEN_SERVICE_DOCUMENTATION}: the metadata's {@code service_documentation} URL;
 *                         {@code null} for the issuer's {@code /openapi.json}
 * @param thirdPartyProviders the providers whose tokens the third-party grants accept ({@code TOKEN_GOOGLE_*},
 *                         {@code TOKEN_FACEBOOK_*}, {@code TOKEN_OIDC_*}, {@code TOKEN_PROVIDER_TIMEOUT}; see
 *                         {@link ThirdPartyConfig})
 * @param clientCacheTtl   {@code TOKEN_CLIENT_CACHE_TTL} in seconds (default 5): how long a server keeps a client it
 *                         has read; a change made through another server on the same database is seen within it;
 *                         0 disables the cache
 * @param requestLog       whether Jetty writes its request log, one line per request on standard error (on when read
 *                         from the environment; no setting of its own). {@code TokenServerExtension} turns it off, so
 *                         that a test run does not print a line per request
 * @param edge             browsers and reverse proxies: {@code TOKEN_CORS_ORIGINS}, {@code TOKEN_CORS_MAX_AGE},
 *                         {@code TOKEN_TRUSTED_PROXIES} (see {@link EdgeSettings})
 * @param policies         the issuance and revocation switches ({@code TOKEN_ISSUANCE_POLICY},
 *                         {@code TOKEN_DEFAULT_SCOPES}, {@code TOKEN_REVOKE_FAMILY_ON_REUSE},
 *                         {@code TOKEN_REVOKE_FAMILY_WITH_ACCESS_TOKEN}; see {@link TokenPolicies})
 * @param refreshFamilies  {@code TOKEN_REFRESH_FAMILY_TTL} in seconds (default 7776000, ninety days; 0 for no limit):
 *                         the absolute lifetime of a refresh-token family from its first grant, and
 *                         {@code TOKEN_REFRESH_GRACE} in seconds (default 0, off; at most 300): the refresh grace
 *                         window; clients may override both
 * @param jwt              access-token formats and the signing keys of JWT access tokens
 *                         ({@code TOKEN_ACCESS_TOKEN_FORMAT}, {@code TOKEN_JWT_*}; see {@link JwtConfig})
 * @param observability    {@code TOKEN_METRICS} and {@code TOKEN_AUDIT_LOG}: metrics at {@code GET /metrics} and the
 *                         audit log (see {@link ObservabilityConfig}); both on by default
 * @param throttle         the throttle of failed authentications ({@code TOKEN_THROTTLE_*}; see {@link ThrottleConfig})
 */
public record ServerConfig(
        String host,
        int port,
        String databaseUrl,
        String databaseUser,
        String databasePassword,
        String issuer,
        String sealingKey,
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        Path bootstrapFile,
        Path dataDir,
        Duration cleanupInterval,
        String scopesSupported,
        String serviceDocumentation,
        ThirdPartyProviders thirdPartyProviders,
        Duration clientCacheTtl,
        boolean requestLog,
        EdgeSettings edge,
        TokenPolicies policies,
        RefreshFamilySettings refreshFamilies,
        JwtConfig jwt,
        ObservabilityConfig observability,
        ThrottleConfig throttle) {

    /** The {@code TOKEN_SEALING_KEY} value that switches sealing off. */
    public static final String SEALING_OFF = "off";

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("TOKEN_SERVER_PORT must be between 0 and 65535");
        }
        Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
        Objects.requireNonNull(refreshTokenTtl, "refreshTokenTtl");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(cleanupInterval, "cleanupInterval");
        Objects.requireNonNull(thirdPartyProviders, "thirdPartyProviders");
        Objects.requireNonNull(clientCacheTtl, "clientCacheTtl");
        Objects.requireNonNull(edge, "edge");
        Objects.requireNonNull(refreshFamilies, "refreshFamilies");
        Objects.requireNonNull(jwt, "jwt");
        Objects.requireNonNull(observability, "observability");
        Objects.requireNonNull(throttle, "throttle");
        if (clientCacheTtl.isNegative()) {
            throw new IllegalArgumentException("TOKEN_CLIENT_CACHE_TTL must not be negative");
        }
        if (issuer != null) {
            MetadataSettings.requireHttpUrl(issuer, "TOKEN_ISSUER");
        }
        if (scopesSupported != null && !Scope.isValid(scopesSupported)) {
            throw new IllegalArgumentException("TOKEN_SCOPES_SUPPORTED must be scope tokens separated by single spaces");
        }
        if (serviceDocumentation != null) {
            MetadataSettings.requireHttpUrl(serviceDocumentation, "TOKEN_SERVICE_DOCUMENTATION");
        }
        Objects.requireNonNull(policies, "policies");
        if (policies.issuancePolicy() == LiveTokenLimit.REUSE_LIVE && SEALING_OFF.equals(sealingKey)) {
            throw new IllegalArgumentException("TOKEN_ISSUANCE_POLICY REUSE_LIVE hands back stored tokens, so it needs"
                    + " sealing: TOKEN_SEALING_KEY must not be off");
        }
    }

    /** Reads the process's environment and system properties. */
    public static ServerConfig fromEnvironment() {
        return from(System.getenv(), System.getProperties());
    }

    /**
     * Reads the settings from {@code environment}, each overridden by its system property in {@code properties}.
     *
     * @throws IllegalArgumentException naming the setting whose value is not valid
     */
    public static ServerConfig from(Map<String, String> environment, Properties properties) {
        Settings settings = new Settings(environment, properties);
        return builder()
                .host(settings.text("TOKEN_SERVER_HOST").orElse("127.0.0.1"))
                .port(settings.integer("TOKEN_SERVER_PORT", 8080))
                .databaseUrl(settings.text("TOKEN_DB_URL").orElse(null))
                .databaseUser(settings.text("TOKEN_DB_USER").orElse(null))
                .databasePassword(settings.text("TOKEN_DB_PASSWORD").orElse(null))
                .issuer(settings.text("TOKEN_ISSUER").orElse(null))
                .sealingKey(settings.text("TOKEN_SEALING_KEY").orElse(null))
                .accessTokenTtl(Duration.ofSeconds(settings.positive("TOKEN_ACCESS_TTL", 3600)))
                .refreshTokenTtl(Duration.ofSeconds(settings.positive("TOKEN_REFRESH_TTL", 2_592_000)))
                .bootstrapFile(settings.text("TOKEN_BOOTSTRAP_FILE").map(Path::of).orElse(null))
                .dataDir(Path.of(settings.text("TOKEN_DATA_DIR").orElse("data")))
                .cleanupInterval(Duration.ofSeconds(settings.positive("TOKEN_CLEANUP_INTERVAL", 300)))
                .scopesSupported(settings.text("TOKEN_SCOPES_SUPPORTED").orElse(null))
                .serviceDocumentation(settings.text("TOKEN_SERVICE_DOCUMENTATION").orElse(null))
                .thirdPartyProviders(ThirdPartyConfig.read(settings))
                .clientCacheTtl(Duration.ofSeconds(settings.nonNegative("TOKEN_CLIENT_CACHE_TTL",
                        CachingClientStore.DEFAULT_TTL.getSeconds())))
                .requestLog(true)
                .edge(EdgeSettings.read(settings))
                .policies(TokenPolicies.read(settings))
                .refreshFamilies(refreshFamilies(settings))
                .jwt(JwtConfig.read(settings))
                .observability(ObservabilityConfig.read(settings))
                .throttle(ThrottleConfig.read(settings))
                .build();
    }

    /** {@code TOKEN_REFRESH_FAMILY_TTL} and {@code TOKEN_REFRESH_GRACE}. */
    private static RefreshFamilySettings refreshFamilies(Settings settings) {
        long familyTtl = settings.nonNegative("TOKEN_REFRESH_FAMILY_TTL",
                RefreshFamilySettings.DEFAULT.maxLifetime().getSeconds());
        long grace = settings.nonNegative("TOKEN_REFRESH_GRACE", 0);
        if (grace > RefreshFamilySettings.MAX_GRACE_WINDOW.getSeconds()) {
            throw new IllegalArgumentException("TOKEN_REFRESH_GRACE must be at most "
                    + RefreshFamilySettings.MAX_GRACE_WINDOW.getSeconds() + " seconds");
        }
        return new RefreshFamilySettings(familyTtl == 0 ? null : Duration.ofSeconds(familyTtl), Duration.ofSeconds(grace));
    }

    /**
     * A server for tests and demos: a free port on loopback, a private in-memory H2 database, a fresh sealing key,
     * the default lifetimes, no bootstrap file, opaque access tokens by default and JWT signing keys in memory.
     * Nothing is written to disk.
     */
    public static ServerConfig ephemeral() {
        DatabaseSettings memory = DatabaseSettings.h2Memory("tokens-" + UUID.randomUUID());
        return builder()
                .host("127.0.0.1")
                .port(0)
                .databaseUrl(memory.url())
                .databaseUser(memory.user())
                .databasePassword(memory.password())
                .sealingKey(AesGcmTokenSealer.newBase64Key())
                .accessTokenTtl(Duration.ofHours(1))
                .refreshTokenTtl(Duration.ofDays(30))
                .dataDir(Path.of("data"))
                .cleanupInterval(Duration.ofMinutes(5))
                .thirdPartyProviders(ThirdPartyProviders.NONE)
                .clientCacheTtl(CachingClientStore.DEFAULT_TTL)
                .requestLog(true)
                .edge(EdgeSettings.NONE)
                .policies(TokenPolicies.DEFAULT)
                .refreshFamilies(RefreshFamilySettings.DEFAULT)
                .jwt(JwtConfig.EPHEMERAL)
                .observability(ObservabilityConfig.DEFAULT)
                .throttle(ThrottleConfig.DEFAULT)
                .build();
    }

    /** This configuration with another {@code TOKEN_SEALING_KEY} ({@link #SEALING_OFF} switches sealing off). */
    public ServerConfig withSealingKey(String key) {
        return toBuilder().sealingKey(key).build();
    }

    /** This configuration with another data folder. */
    public ServerConfig withDataDir(Path folder) {
        return toBuilder().dataDir(folder).build();
    }

    /** This configuration with a database URL; {@code null} for the H2 file in the data folder. */
    public ServerConfig withDatabaseUrl(String url) {
        return toBuilder().databaseUrl(url).build();
    }

    /** This configuration with a bootstrap file. */
    public ServerConfig withBootstrapFile(Path file) {
        return toBuilder().bootstrapFile(file).build();
    }

    /** This configuration with other providers for the third-party grants. */
    public ServerConfig withThirdPartyProviders(ThirdPartyProviders value) {
        return toBuilder().thirdPartyProviders(value).build();
    }

    /** This configuration with another {@code TOKEN_CLIENT_CACHE_TTL} ({@link Duration#ZERO} disables the cache). */
    public ServerConfig withClientCacheTtl(Duration ttl) {
        return toBuilder().clientCacheTtl(ttl).build();
    }

    /** This configuration with other issuance and revocation switches. */
    public ServerConfig withPolicies(TokenPolicies value) {
        return toBuilder().policies(value).build();
    }

    /** This configuration with other refresh-family settings ({@code TOKEN_REFRESH_FAMILY_TTL}, {@code TOKEN_REFRESH_GRACE}). */
    public ServerConfig withRefreshFamilies(RefreshFamilySettings value) {
        return toBuilder().refreshFamilies(value).build();
    }

    /** This configuration with other metrics and audit log settings. */
    public ServerConfig withObservability(ObservabilityConfig value) {
        return toBuilder().observability(value).build();
    }

    /** This configuration with another throttle of failed authentications. */
    public ServerConfig withThrottle(ThrottleConfig value) {
        return toBuilder().throttle(value).build();
    }

    /** This configuration with the request log on or off. */
    public ServerConfig withRequestLog(boolean on) {
        return toBuilder().requestLog(on).build();
    }

    /** This configuration with other access-token format and JWT settings. */
    public ServerConfig withJwt(JwtConfig value) {
        return toBuilder().jwt(value).build();
    }

    public Optional<String> database() {
        return Optional.ofNullable(databaseUrl);
    }

    public Optional<Path> bootstrap() {
        return Optional.ofNullable(bootstrapFile);
    }

    /** The public base URL: {@code TOKEN_ISSUER}, or {@code http://localhost:<port>} for the port actually bound. */
    public String issuerFor(int boundPort) {
        return issuer != null ? issuer : "http://localhost:" + boundPort;
    }

    /** This configuration with another {@code TOKEN_ISSUER}. */
    public ServerConfig withIssuer(String url) {
        return toBuilder().issuer(url).build();
    }

    /** This configuration with another {@code TOKEN_SCOPES_SUPPORTED}. */
    public ServerConfig withScopesSupported(String scopes) {
        return toBuilder().scopesSupported(scopes).build();
    }

    /** What the metadata says about a server listening on {@code boundPort}. */
    public MetadataSettings metadataFor(int boundPort) {
        return new MetadataSettings(issuerFor(boundPort),
                scopesSupported == null ? Scope.EMPTY : Scope.parse(scopesSupported), serviceDocumentation);
    }

    /** Never shows the database password or the sealing key. */
    @Override
    public String toString() {
        return "ServerConfig[host=" + host + ", port=" + port + ", database=" + (databaseUrl == null ? "H2 file" : "set")
                + ", sealing=" + (sealingKey == null ? "key file" : SEALING_OFF.equals(sealingKey) ? "off" : "configured key")
                + ", access_ttl=" + accessTokenTtl.getSeconds() + "s, refresh_ttl=" + refreshTokenTtl.getSeconds()
                + "s, bootstrap=" + bootstrapFile + ", data=" + dataDir
                + ", third-party grants=" + thirdPartyProviders.grantTypes()
                + ", client_cache_ttl=" + clientCacheTtl.getSeconds() + "s"
                + ", request_log=" + (requestLog ? "on" : "off")
                + ", cors_origins=" + edge.corsOrigins() + ", trusted_proxies=" + edge.trustedProxies()
                + ", " + policies
                + ", refresh_family_ttl=" + (refreshFamilies.maxLifetime() == null ? "none"
                        : refreshFamilies.maxLifetime().getSeconds() + "s")
                + ", refresh_grace=" + refreshFamilies.graceWindow().getSeconds() + "s"
                + ", access_token_format=" + jwt.defaultFormat().wireName()
                + ", " + observability
                + ", throttle=" + throttle
                + "]";
    }

    /** A builder with no settings made: set at least the ones the constructor requires. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's settings. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.host = host;
        builder.port = port;
        builder.databaseUrl = databaseUrl;
        builder.databaseUser = databaseUser;
        builder.databasePassword = databasePassword;
        builder.issuer = issuer;
        builder.sealingKey = sealingKey;
        builder.accessTokenTtl = accessTokenTtl;
        builder.refreshTokenTtl = refreshTokenTtl;
        builder.bootstrapFile = bootstrapFile;
        builder.dataDir = dataDir;
        builder.cleanupInterval = cleanupInterval;
        builder.scopesSupported = scopesSupported;
        builder.serviceDocumentation = serviceDocumentation;
        builder.thirdPartyProviders = thirdPartyProviders;
        builder.clientCacheTtl = clientCacheTtl;
        builder.requestLog = requestLog;
        builder.edge = edge;
        builder.policies = policies;
        builder.refreshFamilies = refreshFamilies;
        builder.jwt = jwt;
        builder.observability = observability;
        builder.throttle = throttle;
        return builder;
    }

    /** Builds a {@link ServerConfig}, one setting at a time; {@link #build()} validates them. */
    public static final class Builder {
        private String host;
        private int port;
        private String databaseUrl;
        private String databaseUser;
        private String databasePassword;
        private String issuer;
        private String sealingKey;
        private Duration accessTokenTtl;
        private Duration refreshTokenTtl;
        private Path bootstrapFile;
        private Path dataDir;
        private Duration cleanupInterval;
        private String scopesSupported;
        private String serviceDocumentation;
        private ThirdPartyProviders thirdPartyProviders;
        private Duration clientCacheTtl;
        private boolean requestLog;
        private EdgeSettings edge = EdgeSettings.NONE;
        private TokenPolicies policies = TokenPolicies.DEFAULT;
        private RefreshFamilySettings refreshFamilies = RefreshFamilySettings.DEFAULT;
        private JwtConfig jwt = JwtConfig.EPHEMERAL;
        private ObservabilityConfig observability = ObservabilityConfig.DEFAULT;
        private ThrottleConfig throttle = ThrottleConfig.DEFAULT;

        public Builder host(String value) {
            this.host = value;
            return this;
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder databaseUrl(String value) {
            this.databaseUrl = value;
            return this;
        }

        public Builder databaseUser(String value) {
            this.databaseUser = value;
            return this;
        }

        public Builder databasePassword(String value) {
            this.databasePassword = value;
            return this;
        }

        public Builder issuer(String value) {
            this.issuer = value;
            return this;
        }

        public Builder sealingKey(String value) {
            this.sealingKey = value;
            return this;
        }

        public Builder accessTokenTtl(Duration value) {
            this.accessTokenTtl = value;
            return this;
        }

        public Builder refreshTokenTtl(Duration value) {
            this.refreshTokenTtl = value;
            return this;
        }

        public Builder bootstrapFile(Path value) {
            this.bootstrapFile = value;
            return this;
        }

        public Builder dataDir(Path value) {
            this.dataDir = value;
            return this;
        }

        public Builder cleanupInterval(Duration value) {
            this.cleanupInterval = value;
            return this;
        }

        public Builder scopesSupported(String value) {
            this.scopesSupported = value;
            return this;
        }

        public Builder serviceDocumentation(String value) {
            this.serviceDocumentation = value;
            return this;
        }

        public Builder thirdPartyProviders(ThirdPartyProviders value) {
            this.thirdPartyProviders = value;
            return this;
        }

        public Builder clientCacheTtl(Duration value) {
            this.clientCacheTtl = value;
            return this;
        }

        public Builder requestLog(boolean value) {
            this.requestLog = value;
            return this;
        }

        public Builder edge(EdgeSettings value) {
            this.edge = value;
            return this;
        }

        public Builder policies(TokenPolicies value) {
            this.policies = value;
            return this;
        }

        public Builder refreshFamilies(RefreshFamilySettings value) {
            this.refreshFamilies = value;
            return this;
        }

        public Builder jwt(JwtConfig value) {
            this.jwt = value;
            return this;
        }

        public Builder observability(ObservabilityConfig value) {
            this.observability = value;
            return this;
        }

        public Builder throttle(ThrottleConfig value) {
            this.throttle = value;
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(host, port, databaseUrl, databaseUser, databasePassword, issuer, sealingKey,
                    accessTokenTtl, refreshTokenTtl, bootstrapFile, dataDir, cleanupInterval, scopesSupported,
                    serviceDocumentation, thirdPartyProviders, clientCacheTtl, requestLog, edge,
                    policies, refreshFamilies, jwt, observability,
                    throttle);
        }
    }
}
