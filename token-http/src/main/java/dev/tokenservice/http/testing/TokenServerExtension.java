package dev.tokenservice.http.testing;

import dev.tokenservice.core.model.AccountLink;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.SecretHash;
import dev.tokenservice.core.model.UserAccount;
import dev.tokenservice.http.launcher.ServerConfig;
import dev.tokenservice.testkit.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Runs a {@link TestTokenServer} for JUnit 5 tests. Register it with {@code @RegisterExtension}; as a {@code static}
 * field the server runs once per test class, as an instance field once per test. Before each test it forgets the
 * requests recorded so far (and with {@link #resetBeforeEachTest()} also the tokens and the clock); a failing test's
 * report lists what the server received.
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
 * <p>Each method hands over to the running {@link #server()}; never use this class outside tests.
 */
public final class TokenServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, TestExecutionExceptionHandler {
    /** The client {@link #adminToken()} uses; holds {@code TOKENS_ADMIN}. */
    public static final String ADMIN_CLIENT_ID = TestTokenServer.ADMIN_CLIENT_ID;

    private final TestTokenServer.Builder builder;
    private TestTokenServer server;
    private boolean perClass;
    private boolean resetBeforeEach;

    /** A server with the defaults of {@link TestTokenServer#start()}. */
    public TokenServerExtension() {
        this(TestTokenServer.builder());
    }

    /**
     * A server whose settings {@code configuration} changes (see {@link TestTokenServer.Builder#config}), e.g.
     * {@code c -> c.withSealingKey("off")}.
     */
    public TokenServerExtension(UnaryOperator<ServerConfig> configuration) {
        this(TestTokenServer.builder().config(configuration));
    }

    /** A server started from {@code builder}, e.g. {@code TestTokenServer.builder().h2().clock(clock)}. */
    public TokenServerExtension(TestTokenServer.Builder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    /**
     * Before each test, {@link TestTokenServer#reset()}: no tokens of the previous test, the clock back at its start;
     * for a server shared by a class whose tests must not see each other's tokens. Returns this extension.
     */
    public TokenServerExtension resetBeforeEachTest() {
        this.resetBeforeEach = true;
        return this;
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
        } else if (resetBeforeEach) {
            server.reset();
        } else {
            server.clearRecordedRequests();
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

    /** A failing test's report tells what the server received (secrets hidden). */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (server != null) {
            failure.addSuppressed(new ReceivedRequests(server.describeRequests()));
        }
        throw failure;
    }

    /** Starts the server; the callbacks do it for you. */
    public void start() {
        server = builder.start();
    }

    /** Stops the server and drops its stores; the callbacks do it for you. */
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The running server, for what this class does not hand over itself. */
    public TestTokenServer server() {
        if (server == null) {
            throw new IllegalStateException("the token server is not running; register the extension with @RegisterExtension");
        }
        return server;
    }

    /** Where the server answers, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return server().baseUri();
    }

    /** The token endpoint, {@code <base>/oauth/token}. */
    public URI tokenEndpoint() {
        return server().tokenEndpoint();
    }

    /** The introspection endpoint (RFC 7662), {@code <base>/oauth/introspect}. */
    public URI introspectionEndpoint() {
        return server().introspectionEndpoint();
    }

    /** The revocation endpoint (RFC 7009), {@code <base>/oauth/revoke}. */
    public URI revocationEndpoint() {
        return server().revocationEndpoint();
    }

    /** The issuer identifier (RFC 8414 §2). */
    public String issuer() {
        return server().issuer();
    }

    /** The server's clock, which the test moves. */
    public MutableClock clock() {
        return server().clock();
    }

    /** See {@link TestTokenServer#registerClient(String, String, Scope, GrantType...)}. */
    public void registerClient(String clientId, String secret, Scope scopes, GrantType... grantTypes) {
        server().registerClient(clientId, secret, scopes, grantTypes);
    }

    /** See {@link TestTokenServer#registerClient(Client)}. */
    public void registerClient(Client client) {
        server().registerClient(client);
    }

    /** A hash of {@code secret} that {@link Client.Builder#secretHash} accepts and the server verifies. */
    public static SecretHash hashSecret(String secret) {
        return TestTokenServer.hashSecret(secret);
    }

    /** See {@link TestTokenServer#jwksUri}. */
    public URI jwksUri() {
        return server().jwksUri();
    }

    /** See {@link TestTokenServer#findClient}. */
    public Optional<Client> findClient(String clientId) {
        return server().findClient(clientId);
    }

    /** See {@link TestTokenServer#clientCount}. */
    public long clientCount() {
        return server().clientCount();
    }

    /** See {@link TestTokenServer#linkAccount}. */
    public void linkAccount(String provider, String subject, String username) {
        server().linkAccount(provider, subject, username);
    }

    /** See {@link TestTokenServer#registerUser}. */
    public void registerUser(String username, String password, Authority... authorities) {
        server().registerUser(username, password, authorities);
    }

    /** See {@link TestTokenServer#findUser}. */
    public Optional<UserAccount> findUser(String username) {
        return server().findUser(username);
    }

    /** See {@link TestTokenServer#accountLinks}. */
    public List<AccountLink> accountLinks(String username) {
        return server().accountLinks(username);
    }

    /** See {@link TestTokenServer#clientCredentialsToken}. */
    public String clientCredentialsToken(String clientId, String secret) {
        return server().clientCredentialsToken(clientId, secret);
    }

    /** See {@link TestTokenServer#passwordToken}. */
    public String passwordToken(String clientId, String clientSecret, String username, String password) {
        return server().passwordToken(clientId, clientSecret, username, password);
    }

    /** See {@link TestTokenServer#adminToken()}. */
    public String adminToken() {
        return server().adminToken();
    }

    /** See {@link TestTokenServer#mintAccessToken}. */
    public String mintAccessToken(String clientId, String username, Scope scope, Duration lifetime) {
        return server().mintAccessToken(clientId, username, scope, lifetime);
    }

    /** See {@link TestTokenServer#takeRequest()}. */
    public RecordedRequest takeRequest() {
        return server().takeRequest();
    }

    /** See {@link TestTokenServer#resetTokens()}. */
    public void resetTokens() {
        server().resetTokens();
    }

    /** What the server received, attached to a failing test's report; no stack trace of its own. */
    static final class ReceivedRequests extends Exception {
        private static final long serialVersionUID = 1L;

        ReceivedRequests(String description) {
            super(description, null, false, false);
        }
    }
}
