package dev.tokenservice.http.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenservice.core.crypto.Pbkdf2SecretHasher;
import dev.tokenservice.core.crypto.SecureRandomTokenValueGenerator;
import dev.tokenservice.core.crypto.Sha256SecretHasher;
import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.AccessTokenFormat;
import dev.tokenservice.core.model.AccountLink;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.HolderSelector;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.SecretHash;
import dev.tokenservice.core.model.ThirdPartySubject;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenId;
import dev.tokenservice.core.model.TokenPair;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.model.UserAccount;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.port.SecretHasher;
import dev.tokenservice.core.port.TokenValueGenerator;
import dev.tokenservice.http.json.JsonMappers;
import dev.tokenservice.http.launcher.ObservabilityConfig;
import dev.tokenservice.http.launcher.ServerConfig;
import dev.tokenservice.http.launcher.StartOptions;
import dev.tokenservice.http.launcher.TokenServer;
import dev.tokenservice.http.web.EndpointPaths;
import dev.tokenservice.testkit.InMemoryAccountLinkStore;
import dev.tokenservice.testkit.InMemoryClientStore;
import dev.tokenservice.testkit.InMemoryTokenStore;
import dev.tokenservice.testkit.InMemoryUserAccountStore;
import dev.tokenservice.testkit.MutableClock;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A real token server for tests: Jetty on a free loopback port, the production endpoints, grants and policies, on
 * in-memory stores (or a private in-memory H2 database, {@link Builder#h2()}) and a {@link MutableClock} the test
 * moves (by default {@link MutableClock#ticking()}: real time until moved). It prints nothing, records the requests it
 * receives ({@link #takeRequest()}), and stops at once. Usable from any test framework, or a {@code main};
 * {@link TokenServerExtension} runs it for JUnit 5.
 *
 * <pre>{@code
 * try (TestTokenServer server = TestTokenServer.start()) {
 *     server.registerClient("billing", "s3cret", Scope.of("invoices"), GrantType.CLIENT_CREDENTIALS);
 *     String token = server.clientCredentialsToken("billing", "s3cret");
 *     server.clock().advance(Duration.ofHours(2));   // the token has expired
 * }
 * }</pre>
 *
 * <p>Secrets registered here are hashed at a low cost (fast tests); never use this class outside tests. Registering,
 * minting, fetching tokens and taking requests are thread-safe; {@link #close()} once.
 */
public final class TestTokenServer implements AutoCloseable {
    /** The client {@link #adminToken()} uses; holds {@code TOKENS_ADMIN}. */
    public static final String ADMIN_CLIENT_ID = "fixture-admin";
    /** How long the fixture's HTTP calls and {@link #takeRequest()} wait unless {@link Builder#httpTimeout} says. */
    public static final Duration DEFAULT_HTTP_TIMEOUT = Duration.ofSeconds(10);

    private static final SecretHasher FAST_PASSWORDS = new Pbkdf2SecretHasher(1_000);
    private static final SecretHasher CLIENT_SECRETS = new Sha256SecretHasher();
    /** Shared by every fixture of the JVM (both are thread-safe): a later test class does not build its own. */
    private static final ObjectMapper MAPPER = JsonMappers.shared();
    private static final HttpClient DEFAULT_HTTP = newHttpClient(DEFAULT_HTTP_TIMEOUT);

    static {
        // Before the server's classes make their first logger, and before Jetty's first class loads.
        QuietLogging.withoutProviderWarning();
        JettyDefaults.use();
    }

    private final TokenServer server;
    private final MutableClock clock;
    /** Whether the clock is the default one, which {@link #reset()} puts back on the system time. */
    private final boolean systemTime;
    private final Instant clockStart;
    private final RequestRecorder recorder;
    private final Duration httpTimeout;
    private final HttpClient http;
    private final TokenValueGenerator values;
    /** The clients that may hold tokens: {@link #resetTokens()} revokes theirs. */
    private final Set<ClientId> clientsWithTokens = ConcurrentHashMap.newKeySet();
    private String adminSecret;

    private TestTokenServer(Builder builder) {
        this.systemTime = builder.clock == null;
        this.clock = systemTime ? MutableClock.ticking() : builder.clock;
        this.clockStart = clock.instant();
        this.httpTimeout = builder.httpTimeout;
        this.recorder = new RequestRecorder(clock);
        StartOptions.Stores stores = null;
        if (!builder.h2) {
            InMemoryTokenStore tokens = new InMemoryTokenStore(clock);
            stores = new StartOptions.Stores(tokens, tokens, new InMemoryClientStore(), new InMemoryUserAccountStore(),
                    new InMemoryAccountLinkStore());
        }
        // Quiet: no request log and no audit log (a line per token), unless a test's configuration asks for them.
        ServerConfig config = builder.configuration.apply(ServerConfig.ephemeral().withRequestLog(false)
                .withObservability(new ObservabilityConfig(true, null)));
        this.server = TokenServer.start(config, new PrintStream(OutputStream.nullOutputStream()),
                new StartOptions(stores, clock, List.of(recorder), false));
        this.values = new SecureRandomTokenValueGenerator(clock);
        this.http = httpTimeout.equals(DEFAULT_HTTP_TIMEOUT) ? DEFAULT_HTTP : newHttpClient(httpTimeout);
    }

    /** A server with the defaults: in-memory stores, a clock on real time until the test moves it. */
    public static TestTokenServer start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where the server answers, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return server.baseUri();
    }

    /** The token endpoint, {@code <base>/oauth/token}. */
    public URI tokenEndpoint() {
        return baseUri().resolve(EndpointPaths.TOKEN);
    }

    /** The introspection endpoint (RFC 7662), {@code <base>/oauth/introspect}, for resource servers under test. */
    public URI introspectionEndpoint() {
        return baseUri().resolve(EndpointPaths.INTROSPECTION);
    }

    /** The revocation endpoint (RFC 7009), {@code <base>/oauth/revoke}. */
    public URI revocationEndpoint() {
        return baseUri().resolve(EndpointPaths.REVOCATION);
    }

    /** The JWK set of the keys that sign JWT access tokens (RFC 7517), {@code <base>/.well-known/jwks.json}. */
    public URI jwksUri() {
        return baseUri().resolve(EndpointPaths.JWKS);
    }

    /**
     * The issuer identifier (RFC 8414 §2), {@code http://localhost:<port>} unless the configuration sets one: clients
     * that discover the server from its metadata start here.
     */
    public String issuer() {
        return server.issuer();
    }

    /**
     * The server's clock: {@code clock().advance(Duration.ofHours(2))} expires a one-hour token at once, for every
     * endpoint, the stores and the grants alike.
     */
    public MutableClock clock() {
        return clock;
    }

    /**
     * Registers (or replaces) a client whose allowed and default scopes are {@code scopes}.
     *
     * @param secret its secret, or {@code null} for a public client
     */
    public void registerClient(String clientId, String secret, Scope scopes, GrantType... grantTypes) {
        registerClient(Client.builder(clientId)
                .secretHash(secret == null ? null : CLIENT_SECRETS.hash(secret))
                .grantTypes(grantTypes)
                .allowedScopes(scopes)
                .build());
    }

    /** Registers (or replaces) a client built by the caller, e.g. with authorities or lifetimes of its own. */
    public void registerClient(Client client) {
        clientsWithTokens.add(client.clientId());
        server.clients().save(client);
    }

    /** A hash of {@code secret} that {@link Client.Builder#secretHash} accepts and the server verifies. */
    public static SecretHash hashSecret(String secret) {
        return CLIENT_SECRETS.hash(secret);
    }

    /** The registered client {@code clientId}, as stored; empty when there is none. */
    public Optional<Client> findClient(String clientId) {
        return server.clients().findById(ClientId.of(clientId));
    }

    /** The number of registered clients. */
    public long clientCount() {
        return server.clients().count();
    }

    /** Registers (or replaces) a user. */
    public void registerUser(String username, String password, Authority... authorities) {
        server.users().save(new UserAccount(Username.of(username), FAST_PASSWORDS.hash(password),
                Arrays.stream(authorities).collect(Collectors.toSet())));
    }

    /** The stored user {@code username}, e.g. one a third-party grant created at a first sign-in; empty when there is none. */
    public Optional<UserAccount> findUser(String username) {
        return server.users().findByUsername(Username.of(username));
    }

    /** The links from accounts at providers to the local user {@code username} (third-party grants). */
    public List<AccountLink> accountLinks(String username) {
        return server.accountLinks().findByUsername(Username.of(username));
    }

    /** Links the account {@code subject} at {@code provider} to the local user {@code username}, as a first sign-in would. */
    public void linkAccount(String provider, String subject, String username) {
        server.accountLinks().link(new AccountLink(ThirdPartySubject.of(provider, subject), Username.of(username),
                server.clock().instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    /** An access token from the client credentials grant, fetched over HTTP. */
    public String clientCredentialsToken(String clientId, String secret) {
        return accessToken(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** An access token from the password grant, fetched over HTTP ({@code clientSecret} {@code null}: public client). */
    public String passwordToken(String clientId, String clientSecret, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        if (clientSecret != null) {
            form.put("client_secret", clientSecret);
        }
        form.put("username", username);
        form.put("password", password);
        return accessToken(form);
    }

    /** An access token with {@code TOKENS_ADMIN}, for the administration API; registers {@link #ADMIN_CLIENT_ID}. */
    public synchronized String adminToken() {
        if (adminSecret == null) {
            adminSecret = SecureRandomTokenValueGenerator.newClientSecret();
            registerClient(Client.builder(ADMIN_CLIENT_ID)
                    .secretHash(CLIENT_SECRETS.hash(adminSecret))
                    .grantTypes(GrantType.CLIENT_CREDENTIALS)
                    .authorities(Authority.TOKENS_ADMIN)
                    .build());
        }
        return clientCredentialsToken(ADMIN_CLIENT_ID, adminSecret);
    }

    /**
     * Mints an access token without running a grant: stored as a grant stores one (its digest, its value sealed, its
     * id), so introspection, the administration API, revocation and bearer checks see it as any other. It is issued
     * now by {@link #clock()} and lives {@code lifetime}; it comes without a refresh token.
     *
     * @param username the resource owner it speaks for; {@code null} for a token of the client alone
     * @throws IllegalArgumentException when the client or the user is not registered (the server would treat the
     *                                  token as inactive), or the lifetime is not positive
     */
    public String mintAccessToken(String clientId, String username, Scope scope, Duration lifetime) {
        Objects.requireNonNull(scope, "scope");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("the lifetime must be positive");
        }
        ClientId client = ClientId.of(clientId);
        if (server.clients().findById(client).isEmpty()) {
            throw new IllegalArgumentException("no client '" + clientId + "' is registered; register it first");
        }
        Username owner = username == null ? null : Username.of(username);
        if (owner != null && server.users().findByUsername(owner).isEmpty()) {
            throw new IllegalArgumentException("no user '" + username + "' is registered; register it first");
        }
        // Millisecond precision, as the core issues: what every store keeps.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        TokenValue value = values.newValue();
        AccessToken token = new AccessToken(TokenId.of(values.newId()), TokenDigest.of(value),
                server.sealer().seal(value).orElse(null), client, owner, scope, now, now.plus(lifetime), null);
        clientsWithTokens.add(client);
        server.tokens().save(TokenPair.accessOnly(token));
        return value.value();
    }

    /**
     * The oldest request received and not yet taken, waiting up to the HTTP timeout for one to come, like OkHttp
     * MockWebServer's {@code takeRequest()}.
     *
     * @throws AssertionError when none came in time
     */
    public RecordedRequest takeRequest() {
        return takeRequest(httpTimeout);
    }

    /** The oldest request received and not yet taken, waiting up to {@code timeout}. */
    public RecordedRequest takeRequest(Duration timeout) {
        try {
            RecordedRequest request = recorder.take(timeout);
            if (request == null) {
                throw new AssertionError("the token server received no request within " + timeout + "; "
                        + describeRequests());
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a request", e);
        }
    }

    /** Every request received since the start or the last {@link #reset()}, oldest first, taken or not. */
    public List<RecordedRequest> recordedRequests() {
        return recorder.all();
    }

    /** What the server received, one request a line, secrets hidden: for a failing test's message. */
    public String describeRequests() {
        List<RecordedRequest> requests = recorder.all();
        if (requests.isEmpty()) {
            return "the token server received no request";
        }
        return requests.stream().map(request -> "  " + request)
                .collect(Collectors.joining("\n", "the token server received " + requests.size() + " request"
                        + (requests.size() == 1 ? "" : "s") + ":\n", ""));
    }

    /**
     * Revokes every token of the clients registered or minted for through this fixture, access and refresh alike,
     * as the administration API does; clients and users stay.
     */
    public void resetTokens() {
        clientsWithTokens.forEach(client -> server.tokens().revokeSelected(HolderSelector.client(client)));
    }

    /**
     * Between tests: {@link #resetTokens()}, forgets the recorded requests, and undoes the clock's moves (the default
     * clock back on the system time, a clock of the builder back where it stood at the start).
     */
    public void reset() {
        resetTokens();
        recorder.clear();
        clock.set(systemTime ? Instant.now() : clockStart);
    }

    /** Forgets the recorded requests. */
    public void clearRecordedRequests() {
        recorder.clear();
    }

    /** Stops the server at once and drops its stores. */
    @Override
    public void close() {
        server.close();
    }

    private String accessToken(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint())
                .timeout(httpTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = MAPPER.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request refused: " + response.statusCode() + " "
                        + json.path("error").asText() + ": " + json.path("error_description").asText());
            }
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("token request failed (timeout " + httpTimeout + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static HttpClient newHttpClient(Duration connectTimeout) {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    /** How a {@link TestTokenServer} starts. Not thread-safe. */
    public static final class Builder {
        private UnaryOperator<ServerConfig> configuration = UnaryOperator.identity();
        private MutableClock clock;
        private boolean h2;
        private Duration httpTimeout = DEFAULT_HTTP_TIMEOUT;

        private Builder() { }

        /**
         * Changes the server's settings, which start as {@link ServerConfig#ephemeral()} without the request log and
         * the audit log:
         * e.g. {@code c -> c.withSealingKey(ServerConfig.SEALING_OFF)}, or {@code c -> c.withRequestLog(true)} to see
         * a line per request on standard error. Applied after the settings of earlier calls.
         */
        public Builder config(UnaryOperator<ServerConfig> change) {
            Objects.requireNonNull(change, "change");
            UnaryOperator<ServerConfig> before = configuration;
            configuration = config -> change.apply(before.apply(config));
            return this;
        }

        /**
         * The clock the server reads, e.g. {@link MutableClock#start()}, which stands still until moved; the default,
         * {@link MutableClock#ticking()}, runs with the system clock until moved.
         */
        public Builder clock(MutableClock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Issues JWT access tokens (RFC 9068) to every client that does not choose a format of its own, signed with a
         * key generated for this server and published at {@link TestTokenServer#jwksUri()}: what a resource server
         * under test verifies offline, as it would against the real server.
         */
        public Builder jwt() {
            return config(config -> config.withJwt(config.jwt().withDefaultFormat(AccessTokenFormat.JWT)));
        }

        /**
         * Stores everything in the configuration's private in-memory H2 database, through the production JDBI
         * adapters and their Flyway migrations, instead of the in-memory stores (a slower start).
         */
        public Builder h2() {
            this.h2 = true;
            return this;
        }

        /** How long the fixture's own HTTP calls (connect and answer) and {@link #takeRequest()} wait. */
        public Builder httpTimeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("the HTTP timeout must be positive");
            }
            this.httpTimeout = value;
            return this;
        }

        /** Starts the server. */
        public TestTokenServer start() {
            return new TestTokenServer(this);
        }
    }
}
