package dev.tokenservice.http.endtoend;

import static dev.tokenservice.http.endtoend.WireClient.bearer;
import static dev.tokenservice.http.endtoend.WireClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenservice.core.crypto.AesGcmTokenSealer;
import dev.tokenservice.http.endtoend.WireClient.Reply;
import dev.tokenservice.http.launcher.ServerConfig;
import dev.tokenservice.http.launcher.TokenServer;
import dev.tokenservice.persistence.DatabaseSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each issuance and revocation setting of the stand-alone server, from the environment or the bootstrap file to what a
 * caller sees over HTTP: lifetimes, issuance policy, default scopes and the two refresh-family switches, server-wide
 * and per client.
 */
class PolicySettingsEndToEndTest {
    private static final String PASSWORD = "pa ss+word";
    private static final String ADMIN_SECRET = "admin-s3cret";
    private static final String OWN_SECRET = "own-s3cret";

    /**
     * Clients of every server: {@code server.defaults} follows the server; {@code own.settings} overrides every setting;
     * {@code reuser} reuses live tokens; {@code admin-cli} administers.
     */
    private static final String BOOTSTRAP = """
            {"clients": [
              {"client_id": "admin-cli", "client_secret": "%s", "grant_types": ["client_credentials"],
               "authorities": ["TOKENS_ADMIN"]},
              {"client_id": "server.defaults", "grant_types": ["password", "refresh_token"],
               "scopes": ["read", "write", "profile"]},
              {"client_id": "own.settings", "client_secret": "%s", "grant_types": ["password", "refresh_token"],
               "scopes": ["read", "write"], "default_scopes": ["write"], "access_token_ttl": 60,
               "refresh_token_ttl": 600, "issuance_policy": "NEW_PER_REQUEST"},
              {"client_id": "reuser", "client_secret": "%s", "grant_types": ["client_credentials"],
               "issuance_policy": "REUSE_LIVE"}],
             "users": [{"username": "jane", "password": "%s"}]}
            """.formatted(ADMIN_SECRET, OWN_SECRET, OWN_SECRET, PASSWORD);

    /** A server on a private in-memory database, configured by {@code settings} as if from the environment. */
    private static TokenServer start(Path folder, Map<String, String> settings) throws IOException {
        Path bootstrap = Files.writeString(folder.resolve("bootstrap.json"), BOOTSTRAP);
        DatabaseSettings database = DatabaseSettings.h2Memory("policies-" + UUID.randomUUID());
        Map<String, String> environment = new HashMap<>(Map.of("TOKEN_SERVER_PORT", "0",
                "TOKEN_DATA_DIR", folder.toString(), "TOKEN_DB_URL", database.url(), "TOKEN_DB_USER", database.user(),
                "TOKEN_SEALING_KEY", AesGcmTokenSealer.newBase64Key(), "TOKEN_BOOTSTRAP_FILE", bootstrap.toString()));
        environment.putAll(settings);
        ServerConfig config = ServerConfig.from(environment, new Properties()).withRequestLog(false);
        return TokenServer.start(config, new PrintStream(OutputStream.nullOutputStream()));
    }

    /** Calls on one server. */
    private record Calls(WireClient wire, String admin) {
        static Calls on(TokenServer server) {
            WireClient wire = new WireClient(server.baseUri());
            String admin = wire.postForm("/oauth/token", form("grant_type", "client_credentials",
                    "client_id", "admin-cli", "client_secret", ADMIN_SECRET)).json().get("access_token").asText();
            return new Calls(wire, admin);
        }

        JsonNode login(String clientId, String secret, String... scope) {
            Map<String, String> fields = new HashMap<>(Map.of("grant_type", "password", "client_id", clientId,
                    "username", "jane", "password", PASSWORD));
            if (secret != null) {
                fields.put("client_secret", secret);
            }
            if (scope.length > 0) {
                fields.put("scope", scope[0]);
            }
            return ok(wire.postForm("/oauth/token", form(flatten(fields))));
        }

        JsonNode refresh(String clientId, String secret, String refreshToken) {
            return ok(refreshReply(clientId, secret, refreshToken));
        }

        Reply refreshReply(String clientId, String secret, String refreshToken) {
            return wire.postForm("/oauth/token", secret == null
                    ? form("grant_type", "refresh_token", "client_id", clientId, "refresh_token", refreshToken)
                    : form("grant_type", "refresh_token", "client_id", clientId, "client_secret", secret,
                            "refresh_token", refreshToken));
        }

        JsonNode clientCredentials(String clientId, String secret) {
            return ok(wire.postForm("/oauth/token", form("grant_type", "client_credentials", "client_id", clientId,
                    "client_secret", secret)));
        }

        JsonNode introspect(String token) {
            return ok(wire.postForm("/oauth/introspect", form("token", token), "Authorization", bearer(admin)));
        }

        boolean active(String token) {
            return introspect(token).get("active").asBoolean();
        }

        long lifetime(String token) {
            JsonNode introspection = introspect(token);
            return introspection.get("exp").asLong() - introspection.get("iat").asLong();
        }

        void revoke(String clientId, String token) {
            assertThat(wire.postForm("/oauth/revoke", form("token", token, "client_id", clientId)).status())
                    .isEqualTo(200);
        }

        private static JsonNode ok(Reply reply) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            return reply.json();
        }

        private static String[] flatten(Map<String, String> fields) {
            return fields.entrySet().stream().flatMap(e -> Stream.of(e.getKey(), e.getValue()))
                    .toArray(String[]::new);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ConfiguredServer {
        private TokenServer server;
        private Calls calls;

        @BeforeAll
        void start(@TempDir Path folder) throws IOException {
            server = PolicySettingsEndToEndTest.start(folder, Map.of(
                    "TOKEN_ACCESS_TTL", "300",
                    "TOKEN_REFRESH_TTL", "7200",
                    "TOKEN_ISSUANCE_POLICY", "REPLACE_PREVIOUS",
                    "TOKEN_DEFAULT_SCOPES", "read profile",
                    "TOKEN_REVOKE_FAMILY_WITH_ACCESS_TOKEN", "true",
                    "TOKEN_REVOKE_FAMILY_ON_REUSE", "false"));
            calls = Calls.on(server);
        }

        @AfterAll
        void stop() {
            server.close();
        }

        @Test
        void lifetimesWhenSetInTheEnvironmentThenTokensOfClientsWithoutTheirOwnLiveThatLong() {
            JsonNode login = calls.login("server.defaults", null);

            assertThat(login.get("expires_in").asLong()).isEqualTo(300);
            assertThat(calls.lifetime(login.get("refresh_token").asText())).isEqualTo(7200);
        }

        @Test
        void lifetimesWhenSetForTheClientInTheBootstrapFileThenTheClientsWin() {
            JsonNode login = calls.login("own.settings", OWN_SECRET);

            assertThat(login.get("expires_in").asLong()).isEqualTo(60);
            assertThat(calls.lifetime(login.get("refresh_token").asText())).isEqualTo(600);
        }

        @Test
        void defaultScopesWhenSetInTheEnvironmentThenAClientWithoutItsOwnGetsThoseItIsAllowed() {
            assertThat(calls.login("server.defaults", null).get("scope").asText()).isEqualTo("profile read");
            assertThat(calls.login("own.settings", OWN_SECRET).get("scope").asText()).isEqualTo("write");
        }

        @Test
        void defaultScopesWhenAClientIsRegisteredOverHttpThenTheServerDefaultsItIsAllowed() {
            Reply created = calls.wire().sendJson("POST", "/auth/clients", "{\"client_id\":\"fresh.app\","
                    + "\"grant_types\":[\"client_credentials\"],\"scopes\":[\"read\",\"write\"]}",
                    "Authorization", bearer(calls.admin()));
            String secret = created.json().get("client_secret").asText();

            assertThat(created.json().get("client").get("default_scopes").toString()).isEqualTo("[\"read\"]");
            assertThat(calls.clientCredentials("fresh.app", secret).get("scope").asText()).isEqualTo("read");
        }

        @Test
        void issuancePolicyWhenReplacePreviousInTheEnvironmentThenANewLoginRevokesTheEarlierTokens() {
            JsonNode first = calls.login("server.defaults", null);

            JsonNode second = calls.login("server.defaults", null);

            assertThat(calls.active(first.get("access_token").asText())).isFalse();
            assertThat(calls.active(first.get("refresh_token").asText())).isFalse();
            assertThat(calls.active(second.get("access_token").asText())).isTrue();
        }

        @Test
        void issuancePolicyWhenTheClientOverridesItInTheBootstrapFileThenEarlierTokensStay() {
            JsonNode first = calls.login("own.settings", OWN_SECRET);

            calls.login("own.settings", OWN_SECRET);

            assertThat(calls.active(first.get("access_token").asText())).isTrue();
        }

        @Test
        void issuancePolicyWhenReuseLiveForTheClientThenTheLiveTokenIsHandedBack() {
            String first = calls.clientCredentials("reuser", OWN_SECRET).get("access_token").asText();

            String second = calls.clientCredentials("reuser", OWN_SECRET).get("access_token").asText();

            assertThat(second).isEqualTo(first);
        }

        @Test
        void revokeFamilyWithAccessTokenWhenOnThenRevokingTheAccessTokenRevokesItsRefreshToken() {
            JsonNode login = calls.login("server.defaults", null);

            calls.revoke("server.defaults", login.get("access_token").asText());

            assertThat(calls.active(login.get("refresh_token").asText())).isFalse();
        }

        @Test
        void revokeFamilyOnReuseWhenOffThenAReusedRefreshTokenIsRefusedButTheFamilyStays() {
            JsonNode login = calls.login("own.settings", OWN_SECRET);
            String retired = login.get("refresh_token").asText();
            JsonNode rotated = calls.refresh("own.settings", OWN_SECRET, retired);

            Reply reuse = calls.refreshReply("own.settings", OWN_SECRET, retired);

            assertThat(reuse.status()).isEqualTo(400);
            assertThat(reuse.json().get("error").asText()).isEqualTo("invalid_grant");
            assertThat(calls.active(rotated.get("refresh_token").asText())).isTrue();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ServerWithDefaults {
        private TokenServer server;
        private Calls calls;

        @BeforeAll
        void start(@TempDir Path folder) throws IOException {
            server = PolicySettingsEndToEndTest.start(folder, Map.of("TOKEN_ISSUANCE_POLICY", "REUSE_LIVE"));
            calls = Calls.on(server);
        }

        @AfterAll
        void stop() {
            server.close();
        }

        @Test
        void lifetimesWhenNotSetThenOneHourAndThirtyDays() {
            JsonNode login = calls.login("server.defaults", null);

            assertThat(login.get("expires_in").asLong()).isEqualTo(3600);
            assertThat(calls.lifetime(login.get("refresh_token").asText())).isEqualTo(30L * 24 * 3600);
        }

        @Test
        void defaultScopesWhenNotSetThenAClientWithoutItsOwnGetsAllItIsAllowed() {
            assertThat(calls.login("server.defaults", null).get("scope").asText()).isEqualTo("profile read write");
        }

        @Test
        void issuancePolicyWhenReuseLiveInTheEnvironmentThenAClientCredentialsTokenIsHandedBack() {
            String first = calls.clientCredentials("admin-cli", ADMIN_SECRET).get("access_token").asText();

            String second = calls.clientCredentials("admin-cli", ADMIN_SECRET).get("access_token").asText();

            assertThat(second).isEqualTo(first);
        }

        @Test
        void issuancePolicyWhenTheClientOverridesReuseLiveThenEveryRequestGetsANewToken() {
            JsonNode first = calls.login("own.settings", OWN_SECRET);

            JsonNode second = calls.login("own.settings", OWN_SECRET);

            assertThat(second.get("access_token").asText()).isNotEqualTo(first.get("access_token").asText());
            assertThat(calls.active(first.get("access_token").asText())).isTrue();
        }

        @Test
        void revokeFamilyWithAccessTokenWhenNotSetThenTheRefreshTokenStays() {
            JsonNode login = calls.login("server.defaults", null);

            calls.revoke("server.defaults", login.get("access_token").asText());

            assertThat(calls.active(login.get("refresh_token").asText())).isTrue();
        }

        @Test
        void revokeFamilyOnReuseWhenNotSetThenAReusedRefreshTokenRevokesTheFamily() {
            JsonNode login = calls.login("server.defaults", null);
            String retired = login.get("refresh_token").asText();
            JsonNode rotated = calls.refresh("server.defaults", null, retired);

            Reply reuse = calls.refreshReply("server.defaults", null, retired);

            assertThat(reuse.status()).isEqualTo(400);
            assertThat(calls.active(rotated.get("refresh_token").asText())).isFalse();
        }
    }
}
