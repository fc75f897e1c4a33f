package dev.tokenservice.http.endtoend;

import static dev.tokenservice.http.endtoend.WireClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.crypto.Sha256SecretHasher;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.UserAccount;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.http.endtoend.WireClient.Reply;
import dev.tokenservice.http.launcher.ServerConfig;
import dev.tokenservice.http.launcher.TokenServer;
import dev.tokenservice.testkit.TestHashers;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two stand-alone servers on one PostgreSQL database count the same failed authentications: guesses spread over both
 * reach the threshold together, and then both answer {@code 429}. The first wait is a minute here, so that a slow
 * machine cannot see it pass during the test.
 */
class SharedThrottleEndToEndTest {
    @RegisterExtension
    static final PostgresSchema database = new PostgresSchema();

    private static final int FAILURES = 5;
    private static final String SECRET = "machine-s3cret";
    private static final String PASSWORD = "jane-pa55word";

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
                "TOKEN_THROTTLE_FAILURES", String.valueOf(FAILURES), "TOKEN_THROTTLE_DELAY", "60"));
        serverA = servers.a();
        serverB = servers.b();
        wireA = new WireClient(serverA.baseUri());
        wireB = new WireClient(serverB.baseUri());
        serverA.clients().save(Client.builder("machine").secretHash(new Sha256SecretHasher().hash(SECRET))
                .grantTypes(GrantType.CLIENT_CREDENTIALS).build());
        serverA.clients().save(Client.builder("web.app").grantTypes(GrantType.PASSWORD).build());
        serverA.users().save(new UserAccount(Username.of("jane"), TestHashers.fast().hash(PASSWORD), Set.of()));
    }

    @AfterAll
    static void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }

    private static Reply clientCredentials(WireClient wire, String secret) {
        return wire.postForm("/oauth/token", form("grant_type", "client_credentials", "client_id", "machine",
                "client_secret", secret));
    }

    private static Reply password(WireClient wire, String password) {
        return wire.postForm("/oauth/token", form("grant_type", "password", "client_id", "web.app",
                "username", "jane", "password", password));
    }

    @Test
    void tokenWhenWrongSecretsAreSpreadOverTwoServersThenBothThrottleTheClient() {
        for (int i = 0; i < FAILURES; i++) {
            assertThat(clientCredentials(i % 2 == 0 ? wireA : wireB, "wrong-" + i).status()).isEqualTo(401);
        }

        Reply fromA = clientCredentials(wireA, SECRET);
        Reply fromB = clientCredentials(wireB, SECRET);

        assertThat(fromA.status()).isEqualTo(429);
        assertThat(fromB.status()).isEqualTo(429);
        assertThat(Long.parseLong(fromB.header("Retry-After").orElseThrow())).isBetween(1L, 60L);
    }

    @Test
    void tokenWhenWrongPasswordsAreSpreadOverTwoServersThenBothThrottleTheUser() {
        for (int i = 0; i < FAILURES; i++) {
            assertThat(password(i % 2 == 0 ? wireB : wireA, "wrong-" + i).status()).isEqualTo(400);
        }

        Reply fromA = password(wireA, PASSWORD);
        Reply fromB = password(wireB, PASSWORD);

        assertThat(fromA.status()).isEqualTo(429);
        assertThat(fromB.status()).isEqualTo(429);
        assertThat(fromA.json().get("error").asText()).isEqualTo("temporarily_unavailable");
    }
}
