package dev.tokenservice.http.endtoend;

import static dev.tokenservice.http.endtoend.WireClient.bearer;
import static dev.tokenservice.http.endtoend.WireClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.policy.ThrottleSettings;
import dev.tokenservice.http.endtoend.WireClient.Reply;
import dev.tokenservice.http.launcher.ThrottleConfig;
import dev.tokenservice.http.testing.TokenServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The headers of the stand-alone server's answers (RFC 6749 §5.1): every answer that carries a token or a secret, and
 * every token endpoint error, has {@code Cache-Control: no-store} and {@code Pragma: no-cache}; every JSON answer has
 * {@code X-Content-Type-Options: nosniff}. Also the server's throttle as the launcher wires it (in the database, as
 * several servers would share it): the first wait is a minute here, so that a slow machine cannot see it pass.
 */
class SecurityHeadersEndToEndTest {
    @RegisterExtension
    static final TokenServerExtension server = new TokenServerExtension(config -> config.withThrottle(
            new ThrottleConfig(new ThrottleSettings(5, 20, Duration.ofMinutes(1), Duration.ofMinutes(5),
                    Duration.ofMinutes(15)), ThrottleConfig.Store.DATABASE)));

    private static final String MACHINE = "reporting.service";
    private static final String MACHINE_SECRET = "m4chine-secret";
    private static WireClient client;

    @BeforeAll
    static void register() {
        client = new WireClient(server.baseUri());
        server.registerClient(MACHINE, MACHINE_SECRET, Scope.of("read"), GrantType.CLIENT_CREDENTIALS);
        server.registerClient("web.app", null, Scope.of("read"), GrantType.PASSWORD);
        server.registerUser("jane", "jane-pa55word");
    }

    private static void assertNoStore(Reply reply) {
        assertThat(reply.header("Cache-Control")).contains("no-store");
        assertThat(reply.header("Pragma")).contains("no-cache");
    }

    private static void assertNoSniff(Reply reply) {
        assertThat(reply.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(reply.header("X-Content-Type-Options")).contains("nosniff");
    }

    private static Reply issue(String secret) {
        return client.postForm("/oauth/token", form("grant_type", "client_credentials", "client_id", MACHINE,
                "client_secret", secret));
    }

    @Test
    void tokenWhenIssuedThenNoStoreAndNoSniff() {
        Reply reply = issue(MACHINE_SECRET);

        assertThat(reply.status()).isEqualTo(200);
        assertNoStore(reply);
        assertNoSniff(reply);
    }

    @Test
    void tokenWhenRefusedThenNoStoreAndNoSniff() {
        Reply reply = client.postForm("/oauth/token", form("grant_type", "client_credentials", "client_id", "nobody",
                "client_secret", "nothing"));

        assertThat(reply.status()).isEqualTo(401);
        assertNoStore(reply);
        assertNoSniff(reply);
    }

    @Test
    void adminSingleTokenViewWhenItHoldsATokenThenNoStoreAndNoSniff() {
        server.passwordToken("web.app", null, "jane", "jane-pa55word");

        Reply reply = client.get("/auth/tokens/jane/web.app", "Authorization", bearer(server.adminToken()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("token").asText()).isNotBlank();
        assertNoStore(reply);
        assertNoSniff(reply);
    }

    @Test
    void adminListWhenAnsweredThenNoStoreAndNoSniff() {
        Reply reply = client.get("/auth/tokens", "Authorization", bearer(server.adminToken()));

        assertThat(reply.status()).isEqualTo(200);
        assertNoStore(reply);
        assertNoSniff(reply);
    }

    @Test
    void introspectionWhenAnsweredThenNoStoreAndNoSniff() {
        String token = server.clientCredentialsToken(MACHINE, MACHINE_SECRET);

        Reply reply = client.postForm("/oauth/introspect", form("token", token, "client_id", MACHINE,
                "client_secret", MACHINE_SECRET));

        assertThat(reply.status()).isEqualTo(200);
        assertNoStore(reply);
        assertNoSniff(reply);
    }

    @Test
    void everyOtherJsonAnswerWhenSentThenNoSniff() {
        for (Reply reply : new Reply[] {
            client.get("/.well-known/oauth-authorization-server"),
            client.get("/openapi.json"),
            client.get("/healthz"),
            client.get("/no/such/path"),
            client.get("/oauth/token"),
            client.get("/auth/tokens"),
            client.raw("GET / HTTP/9.9\r\nHost: x\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
        }) {
            assertNoSniff(reply);
        }
    }

    @Test
    void tokenWhenClientFailedTooOftenThen429WithRetryAfterNoStoreAndNoSniff() {
        for (int i = 0; i < 5; i++) {
            assertThat(client.postForm("/oauth/token", form("grant_type", "client_credentials",
                    "client_id", "guessed.client", "client_secret", "wrong-" + i)).status()).isEqualTo(401);
        }

        Reply reply = client.postForm("/oauth/token", form("grant_type", "client_credentials",
                "client_id", "guessed.client", "client_secret", "wrong"));

        assertThat(reply.status()).isEqualTo(429);
        assertThat(Long.parseLong(reply.header("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(reply.json().get("error").asText()).isEqualTo("temporarily_unavailable");
        assertNoStore(reply);
        assertNoSniff(reply);
    }
}
