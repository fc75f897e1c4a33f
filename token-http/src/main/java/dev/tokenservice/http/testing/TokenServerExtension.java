package dev.tokenservice.http.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenservice.core.crypto.Pbkdf2SecretHasher;
import dev.tokenservice.core.crypto.SecureRandomTokenValueGenerator;
import dev.tokenservice.core.crypto.Sha256SecretHasher;
import dev.tokenservice.core.model.AccountLink;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.ThirdPartySubject;
import dev.tokenservice.core.model.UserAccount;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.port.SecretHasher;
import dev.tokenservice.http.json.JsonMappers;
import dev.tokenservice.http.launcher.ServerConfig;
import dev.tokenservice.http.launcher.TokenServer;
import dev.tokenservice.http.web.EndpointPaths;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real token server for tests, the way MockWebServer serves OkHttp's users: Jetty on a free loopback port, a private
 * in-memory H2 database, a fresh sealing key. Register it with {@code @RegisterExtension}; as a {@code static} field it
 * runs once per test class, as an instance field once per test. Register clients and users, then point the code under
 * test at {@link #baseUri()} and hand it tokens from {@link #clientCredentialsToken} or {@link #adminToken()}.
 *
 * <pre>{@code
 * @RegisterExtension static final TokenServerExtension server = new TokenServerExtension();
 *
 * @Test void callsTheApiWithAToken() {
 *     server.registerClient("billing", "s3cret", Scope.of("invoices"), GrantType.CLIENT_CREDENTIALS);
 *     String token = server.clientCredentialsToken("billing", "s3cret");
 *     ...
 * }
 * }</pre>
 *
 * <p>Secrets registered here are hashed at a low cost (fast tests); never use this class outside tests. Not
 * thread-safe to start and stop; registering and fetching tokens are thread-safe.
 */
public final class TokenServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    /** The client {@link #adminToken()} uses; holds {@code TOKENS_ADMIN}. */
    public static final String ADMIN_CLIENT_ID = "fixture-admin";

    private static final SecretHasher FAST_PASSWORDS = new Pbkdf2SecretHasher(1_000);
    private static final SecretHasher CLIENT_SECRETS = new Sha256SecretHasher();

    private final UnaryOperator<ServerConfig> configuration;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = JsonMappers.create();
    private TokenServer server;
    private boolean perClass;
    private String adminSecret;

    /** A server with {@link ServerConfig#ephemeral()} settings, without the request log. */
    public TokenServerExtension() {
        this(UnaryOperator.identity());
    }

    /**
     * A server whose ephemeral settings (request log off) {@code configuration} changes, e.g.
     * {@code c -> c.withSealingKey("off")}; {@code c -> c.withRequestLog(true)} logs each request on standard error.
     */
    public TokenServerExtension(UnaryOperator<ServerConfig> configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (server == null) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Starts the server; the callbacks do it for you. */
    public void start() {
        // No request log unless the configuration asks for it: a test run would print a line per request.
        server = TokenServer.start(configuration.apply(ServerConfig.ephemeral().withRequestLog(false)),
                new PrintStream(OutputStream.nullOutputStream()));
        adminSecret = null;
    }

    /** Stops the server and drops its database; the callbacks do it for you. */
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Where the server answers, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return running().baseUri();
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

    /**
     * The issuer identifier (RFC 8414 §2), {@code http://localhost:<port>} unless the configuration sets one: clients
     * that discover the server from its metadata start here.
     */
    public String issuer() {
        return running().issuer();
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
        running().clients().save(client);
    }

    /** A hash of {@code secret} that {@link Client.Builder#secretHash} accepts and the server verifies. */
    public static dev.tokenservice.core.model.SecretHash hashSecret(String secret) {
        return CLIENT_SECRETS.hash(secret);
    }

    /** The registered client {@code clientId}, as stored; empty when there is none. */
    public Optional<Client> findClient(String clientId) {
        return running().clients().findById(ClientId.of(clientId));
    }

    /** The number of registered clients. */
    public long clientCount() {
        return running().clients().count();
    }

    /** Registers (or replaces) a user. */
    public void registerUser(String username, String password, Authority... authorities) {
        running().users().save(new UserAccount(Username.of(username), FAST_PASSWORDS.hash(password),
                Arrays.stream(authorities).collect(Collectors.toSet())));
    }

    /** The stored user {@code username}, e.g. one a third-party grant created at a first sign-in; empty when there is none. */
    public Optional<UserAccount> findUser(String username) {
        return running().users().findByUsername(Username.of(username));
    }

    /** The links from accounts at providers to the local user {@code username} (third-party grants). */
    public List<AccountLink> accountLinks(String username) {
        return running().accountLinks().findByUsername(Username.of(username));
    }

    /** Links the account {@code subject} at {@code provider} to the local user {@code username}, as a first sign-in would. */
    public void linkAccount(String provider, String subject, String username) {
        running().accountLinks().link(new AccountLink(ThirdPartySubject.of(provider, subject), Username.of(username),
                Instant.now().truncatedTo(ChronoUnit.MILLIS)));
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

    private String accessToken(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = mapper.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request refused: " + response.statusCode() + " "
                        + json.path("error").asText() + ": " + json.path("error_description").asText());
            }
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("token request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private TokenServer running() {
        if (server == null) {
            throw new IllegalStateException("the token server is not running; register the extension with @RegisterExtension");
        }
        return server;
    }
}
