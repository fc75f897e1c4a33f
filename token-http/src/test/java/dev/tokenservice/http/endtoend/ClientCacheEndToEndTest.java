package dev.tokenservice.http.endtoend;

import static dev.tokenservice.http.endtoend.WireClient.basic;
import static dev.tokenservice.http.endtoend.WireClient.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tokenservice.core.crypto.Sha256SecretHasher;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.http.endtoend.WireClient.Reply;
import dev.tokenservice.http.launcher.ServerConfig;
import dev.tokenservice.http.launcher.TokenServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one PostgreSQL database, each keeping the clients it reads for {@code TOKEN_CLIENT_CACHE_TTL} (1 s
 * here): a change made through server A is seen by A at once, and by B once the time to live has passed. B is polled
 * until a deadline of the time to live plus a wide margin for a busy machine; nothing asserts how soon.
 */
class ClientCacheEndToEndTest {
    @RegisterExtension
    static final PostgresSchema database = new PostgresSchema();

    private static final Duration TTL = Duration.ofSeconds(1);
    private static final Duration MARGIN = Duration.ofSeconds(10);
    private static final String RESOURCE_SERVER = "orders.api";
    private static final String RESOURCE_SECRET = "orders-s3cret";
    private static final String SECRET = "first-s3cret";
    private static final String ROTATED_SECRET = "second-s3cret";

    @TempDir
    static Path dataDir;

    private static TwoServers servers;
    private static TokenServer serverA;
    private static TokenServer serverB;
    private static WireClient wireA;
    private static WireClient wireB;

    @BeforeAll
    static void startTwoServers() {
        servers = TwoServers.start(database, dataDir, Map.of("TOKEN_SEALING_KEY", ServerConfig.SEALING_OFF,
                "TOKEN_CLIENT_CACHE_TTL", String.valueOf(TTL.getSeconds())));
        serverA = servers.a();
        serverB = servers.b();
        wireA = new WireClient(serverA.baseUri());
        wireB = new WireClient(serverB.baseUri());
        serverA.clients().save(client(RESOURCE_SERVER, RESOURCE_SECRET));
    }

    @AfterAll
    static void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void deleteThroughServerAThenRefusedByServerAAtOnceAndByServerBOnceTheTtlHasPassed() {
        String clientId = registerThroughServerA(SECRET);
        String token = accessToken(wireB, clientId, SECRET);

        serverA.clients().delete(ClientId.of(clientId));

        assertThat(tokenRequest(wireA, clientId, SECRET).status()).isEqualTo(401);
        assertThat(active(wireA, token)).isFalse();
        awaitWithinTtl("server B refuses the deleted client", () -> tokenRequest(wireB, clientId, SECRET).status() == 401);
        awaitWithinTtl("server B finds the deleted client's token inactive", () -> !active(wireB, token));
    }

    @Test
    void secretRotatedThroughServerAThenFormerSecretRefusedByServerAAtOnceAndByServerBOnceTheTtlHasPassed() {
        String clientId = registerThroughServerA(SECRET);
        accessToken(wireB, clientId, SECRET);

        serverA.clients().save(client(clientId, ROTATED_SECRET));

        assertThat(tokenRequest(wireA, clientId, SECRET).status()).isEqualTo(401);
        assertThat(tokenRequest(wireA, clientId, ROTATED_SECRET).status()).isEqualTo(200);
        awaitWithinTtl("server B refuses the former secret", () -> tokenRequest(wireB, clientId, SECRET).status() == 401);
        assertThat(tokenRequest(wireB, clientId, ROTATED_SECRET).status()).isEqualTo(200);
    }

    private static Client client(String clientId, String secret) {
        return Client.builder(clientId).secretHash(new Sha256SecretHasher().hash(secret))
                .grantTypes(GrantType.CLIENT_CREDENTIALS).build();
    }

    /** A new client, registered through server A, that both servers have read (and keep) since. */
    private static String registerThroughServerA(String secret) {
        String clientId = "machine-" + UUID.randomUUID();
        serverA.clients().save(client(clientId, secret));
        accessToken(wireA, clientId, secret);
        return clientId;
    }

    private static Reply tokenRequest(WireClient wire, String clientId, String secret) {
        return wire.postForm("/oauth/token", form("grant_type", "client_credentials"),
                "Authorization", basic(clientId, secret));
    }

    private static String accessToken(WireClient wire, String clientId, String secret) {
        Reply reply = tokenRequest(wire, clientId, secret);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("access_token").asText();
    }

    private static boolean active(WireClient wire, String token) {
        Reply reply = wire.postForm("/oauth/introspect", form("token", token),
                "Authorization", basic(RESOURCE_SERVER, RESOURCE_SECRET));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("active").asBoolean();
    }

    /** Polls {@code condition} until it holds; fails once the time to live and the margin have passed. */
    private static void awaitWithinTtl(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TTL.plus(MARGIN).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail(what + ": not within " + TTL.plus(MARGIN).toSeconds() + " s");
            }
            pause();
        }
    }

    private static void pause() {
        try {
            // Between two polls over HTTP, so the wait does not keep a core busy; the deadline bounds the test.
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
