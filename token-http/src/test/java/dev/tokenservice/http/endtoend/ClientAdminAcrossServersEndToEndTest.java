package dev.tokenservice.http.endtoend;

import static dev.tokenservice.http.endtoend.WireClient.basic;
import static dev.tokenservice.http.endtoend.WireClient.bearer;
import static dev.tokenservice.http.endtoend.WireClient.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tokenservice.core.crypto.Sha256SecretHasher;
import dev.tokenservice.core.model.Authority;
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
 * The client administration API on two servers sharing a PostgreSQL database, each keeping the clients it reads for
 * {@code TOKEN_CLIENT_CACHE_TTL} (1 s here): a rotation or deletion through server A is in force on A when the call
 * returns, and on B once the time to live has passed. B is polled until a deadline of the time to live plus a wide
 * margin for a busy machine; nothing asserts how soon.
 */
class ClientAdminAcrossServersEndToEndTest {
    @RegisterExtension
    static final PostgresSchema database = new PostgresSchema();

    private static final Duration TTL = Duration.ofSeconds(1);
    private static final Duration MARGIN = Duration.ofSeconds(10);
    private static final String ADMIN = "admin-cli";
    private static final String ADMIN_SECRET = "admin-s3cret";

    @TempDir
    static Path dataDir;

    private static TwoServers servers;
    private static TokenServer serverA;
    private static TokenServer serverB;
    private static WireClient wireA;
    private static WireClient wireB;
    private static String adminToken;

    @BeforeAll
    static void startTwoServers() {
        servers = TwoServers.start(database, dataDir, Map.of("TOKEN_SEALING_KEY", ServerConfig.SEALING_OFF,
                "TOKEN_CLIENT_CACHE_TTL", String.valueOf(TTL.getSeconds())));
        serverA = servers.a();
        serverB = servers.b();
        wireA = new WireClient(serverA.baseUri());
        wireB = new WireClient(serverB.baseUri());
        serverA.clients().save(Client.builder(ADMIN).secretHash(new Sha256SecretHasher().hash(ADMIN_SECRET))
                .grantTypes(GrantType.CLIENT_CREDENTIALS).authorities(Authority.TOKENS_ADMIN).build());
        adminToken = tokenRequest(wireA, ADMIN, ADMIN_SECRET).json().get("access_token").asText();
    }

    @AfterAll
    static void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void rotateThroughServerAThenTheOldSecretIsRefusedByAAtOnceAndByBOnceTheTtlHasPassed() {
        String clientId = "machine-" + UUID.randomUUID();
        String old = registerThroughServerA(clientId);

        Reply rotated = wireA.send("POST", "/auth/clients/" + clientId + "/secret", null, null,
                "Authorization", bearer(adminToken));
        String fresh = rotated.json().get("client_secret").asText();

        assertThat(tokenRequest(wireA, clientId, old).status()).isEqualTo(401);
        assertThat(tokenRequest(wireA, clientId, fresh).status()).isEqualTo(200);
        awaitWithinTtl("server B refuses the old secret", () -> tokenRequest(wireB, clientId, old).status() == 401);
        assertThat(tokenRequest(wireB, clientId, fresh).status()).isEqualTo(200);
    }

    @Test
    void updateThroughServerBRightAfterARotationThroughServerAThenTheRotationStands() {
        String clientId = "machine-" + UUID.randomUUID();
        String old = registerThroughServerA(clientId);
        String fresh = wireA.send("POST", "/auth/clients/" + clientId + "/secret", null, null,
                "Authorization", bearer(adminToken)).json().get("client_secret").asText();

        // Server B still keeps the client with its old secret; its change must not write that copy back.
        Reply updated = wireB.sendJson("PUT", "/auth/clients/" + clientId, "{\"grant_types\":[\"client_credentials\"],"
                + "\"access_token_ttl\":120}", "Authorization", bearer(adminToken));

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        Client stored = serverA.clients().findCurrent(ClientId.of(clientId)).orElseThrow();
        assertThat(new Sha256SecretHasher().verify(fresh, stored.secretHash())).isTrue();
        assertThat(new Sha256SecretHasher().verify(old, stored.secretHash())).isFalse();
        assertThat(stored.accessTokenLifetime()).isEqualTo(Duration.ofSeconds(120));
        assertThat(tokenRequest(wireB, clientId, old).status()).isEqualTo(401);
        assertThat(tokenRequest(wireB, clientId, fresh).json().get("expires_in").asLong()).isEqualTo(120);
    }

    @Test
    void deleteThroughServerAThenTheClientIsRefusedByAAtOnceAndByBOnceTheTtlHasPassed() {
        String clientId = "machine-" + UUID.randomUUID();
        String secret = registerThroughServerA(clientId);
        String token = tokenRequest(wireB, clientId, secret).json().get("access_token").asText();

        Reply deleted = wireA.send("DELETE", "/auth/clients/" + clientId, null, null,
                "Authorization", bearer(adminToken));

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(tokenRequest(wireA, clientId, secret).status()).isEqualTo(401);
        assertThat(active(wireA, token)).isFalse();
        assertThat(active(wireB, token)).isFalse();
        awaitWithinTtl("server B refuses the deleted client", () -> tokenRequest(wireB, clientId, secret).status() == 401);
    }

    /** Registers a client through server A's API and has both servers read (and keep) it; returns its secret. */
    private static String registerThroughServerA(String clientId) {
        Reply created = wireA.sendJson("POST", "/auth/clients", "{\"client_id\":\"" + clientId
                + "\",\"grant_types\":[\"client_credentials\"]}", "Authorization", bearer(adminToken));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String secret = created.json().get("client_secret").asText();
        assertThat(tokenRequest(wireA, clientId, secret).status()).isEqualTo(200);
        assertThat(tokenRequest(wireB, clientId, secret).status()).isEqualTo(200);
        return secret;
    }

    private static Reply tokenRequest(WireClient wire, String clientId, String secret) {
        return wire.postForm("/oauth/token", form("grant_type", "client_credentials"),
                "Authorization", basic(clientId, secret));
    }

    private static boolean active(WireClient wire, String token) {
        Reply reply = wire.postForm("/oauth/introspect", form("token", token), "Authorization", bearer(adminToken));
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
            try {
                // Between two polls over HTTP, so the wait does not keep a core busy; the deadline bounds the test.
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
