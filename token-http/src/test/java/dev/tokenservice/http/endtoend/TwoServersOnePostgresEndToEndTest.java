package dev.tokenservice.http.endtoend;

import static dev.tokenservice.http.endtoend.WireClient.basic;
import static dev.tokenservice.http.endtoend.WireClient.bearer;
import static dev.tokenservice.http.endtoend.WireClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenservice.core.crypto.AesGcmTokenSealer;
import dev.tokenservice.core.crypto.Pbkdf2SecretHasher;
import dev.tokenservice.core.crypto.Sha256SecretHasher;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.UserAccount;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.http.endtoend.WireClient.Reply;
import dev.tokenservice.http.launcher.TokenServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two stand-alone servers on one PostgreSQL database, sharing a sealing key, as a cluster behind a load balancer runs:
 * what one server issues, the other introspects, lists, shows (unsealed), revokes and deletes, and the first then
 * sees the revocation. Runs in {@code mvn verify} wherever {@code TOKEN_TEST_POSTGRES_URL} is set (CI sets it, and
 * fails the build without it).
 */
class TwoServersOnePostgresEndToEndTest {
    @RegisterExtension
    static final PostgresSchema database = new PostgresSchema();

    private static final String ADMIN = "admin-cli";
    private static final String ADMIN_SECRET = "admin-s3cret";
    private static final String WEB = "web.app";
    private static final String WEB_SECRET = "web-s3cret";
    private static final String RESOURCE_SERVER = "orders.api";
    private static final String RESOURCE_SECRET = "orders-s3cret";
    private static final String PASSWORD = "pa ss+word";

    @TempDir
    static Path dataDir;

    private static TwoServers servers;
    private static TokenServer serverA;
    private static TokenServer serverB;
    private static WireClient wireA;
    private static WireClient wireB;

    @BeforeAll
    static void startTwoServers() {
        servers = TwoServers.start(database, dataDir, Map.of("TOKEN_SEALING_KEY", AesGcmTokenSealer.newBase64Key()));
        serverA = servers.a();
        serverB = servers.b();
        wireA = new WireClient(serverA.baseUri());
        wireB = new WireClient(serverB.baseUri());
        Sha256SecretHasher secrets = new Sha256SecretHasher();
        serverA.clients().save(Client.builder(ADMIN).secretHash(secrets.hash(ADMIN_SECRET))
                .grantTypes(GrantType.CLIENT_CREDENTIALS).authorities(Authority.TOKENS_ADMIN).build());
        serverA.clients().save(Client.builder(WEB).secretHash(secrets.hash(WEB_SECRET))
                .grantTypes(GrantType.PASSWORD, GrantType.REFRESH_TOKEN).allowedScopes(Scope.of("read")).build());
        serverA.clients().save(Client.builder(RESOURCE_SERVER).secretHash(secrets.hash(RESOURCE_SECRET))
                .grantTypes(GrantType.CLIENT_CREDENTIALS).build());
    }

    @AfterAll
    static void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void tokenIssuedByServerAThenIntrospectedListedShownAndRevokedThroughServerB() {
        String username = newUser();
        JsonNode issued = login(wireA, username);
        String accessToken = issued.get("access_token").asText();
        String adminToken = adminToken(wireA);

        JsonNode introspected = introspect(wireB, accessToken);
        assertThat(introspected.get("active").asBoolean()).isTrue();
        assertThat(introspected.get("username").asText()).isEqualTo(username);
        assertThat(introspected.get("client_id").asText()).isEqualTo(WEB);

        Reply listed = wireB.get("/auth/tokens?filter_username=" + username, "Authorization", bearer(adminToken));
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().get("total_elements").asLong()).isEqualTo(1);
        assertThat(listed.json().get("content").get(0).get("client_id").asText()).isEqualTo(WEB);
        assertThat(listed.json().get("content").get(0).get("username").asText()).isEqualTo(username);

        Reply shown = wireB.get("/auth/tokens/" + username + "/" + WEB, "Authorization", bearer(adminToken));
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.json().get("token").asText()).isEqualTo(accessToken);

        Reply revoked = wireB.postForm("/oauth/revoke", form("token", accessToken),
                "Authorization", basic(WEB, WEB_SECRET));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);

        assertThat(introspect(wireA, accessToken).get("active").asBoolean()).isFalse();
        Reply listedByA = wireA.get("/auth/tokens?filter_username=" + username, "Authorization", bearer(adminToken));
        assertThat(listedByA.json().get("total_elements").asLong()).isZero();
    }

    @Test
    void userTokensDeletedThroughServerBThenRefusedByServerA() {
        String username = newUser();
        JsonNode issued = login(wireA, username);

        Reply deleted = wireB.delete("/auth/tokens?username=" + username, "Authorization", bearer(adminToken(wireB)));
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);

        assertThat(introspect(wireA, issued.get("access_token").asText()).get("active").asBoolean()).isFalse();
        Reply refreshed = wireA.postForm("/oauth/token", form("grant_type", "refresh_token",
                "refresh_token", issued.get("refresh_token").asText()), "Authorization", basic(WEB, WEB_SECRET));
        assertThat(refreshed.status()).isEqualTo(400);
        assertThat(refreshed.json().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void refreshTokenIssuedByServerAThenRotatedByServerBAndTheUsedOneRefusedByServerA() {
        String username = newUser();
        String refreshToken = login(wireA, username).get("refresh_token").asText();

        Reply rotated = wireB.postForm("/oauth/token", form("grant_type", "refresh_token",
                "refresh_token", refreshToken), "Authorization", basic(WEB, WEB_SECRET));
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);

        Reply replayed = wireA.postForm("/oauth/token", form("grant_type", "refresh_token",
                "refresh_token", refreshToken), "Authorization", basic(WEB, WEB_SECRET));
        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.json().get("error").asText()).isEqualTo("invalid_grant");
    }

    private static String newUser() {
        String username = "user-" + UUID.randomUUID();
        serverA.users().save(new UserAccount(Username.of(username), new Pbkdf2SecretHasher(1_000).hash(PASSWORD),
                Set.of()));
        return username;
    }

    private static JsonNode login(WireClient wire, String username) {
        Reply reply = wire.postForm("/oauth/token", form("grant_type", "password", "username", username,
                "password", PASSWORD), "Authorization", basic(WEB, WEB_SECRET));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static String adminToken(WireClient wire) {
        Reply reply = wire.postForm("/oauth/token", form("grant_type", "client_credentials"),
                "Authorization", basic(ADMIN, ADMIN_SECRET));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("access_token").asText();
    }

    private static JsonNode introspect(WireClient wire, String token) {
        Reply reply = wire.postForm("/oauth/introspect", form("token", token),
                "Authorization", basic(RESOURCE_SERVER, RESOURCE_SECRET));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }
}
