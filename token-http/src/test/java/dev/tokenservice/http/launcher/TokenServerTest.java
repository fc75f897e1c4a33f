package dev.tokenservice.http.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenservice.core.crypto.AesGcmTokenSealer;
import dev.tokenservice.core.crypto.Sha256SecretHasher;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.testkit.TestHashers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The server's lifecycle: first start, restart, bootstrap file, graceful stop. */
class TokenServerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    /** Ephemeral settings without the request log, which would print a line per request of these tests. */
    private static ServerConfig quietEphemeral() {
        return ServerConfig.ephemeral().withRequestLog(false);
    }

    private ServerConfig fileConfig() {
        return quietEphemeral().withDatabaseUrl(null).withSealingKey(null).withDataDir(dataDir);
    }

    private static String form(String... namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private HttpResponse<String> post(URI base, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve("/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(URI base, String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return MAPPER.readTree(response.body());
    }

    @Test
    void startWhenStoreEmptyThenCreatesAdminOnceAndTokensSurviveRestart() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        String secret;
        String token;
        try (TokenServer server = TokenServer.start(fileConfig(), new PrintStream(console, true, StandardCharsets.UTF_8))) {
            String printed = console.toString(StandardCharsets.UTF_8);
            secret = printed.substring(printed.indexOf("once: ") + 6).strip();
            token = json(post(server.baseUri(), form("grant_type", "client_credentials", "client_id", "admin",
                    "client_secret", secret))).get("access_token").asText();
        }
        ByteArrayOutputStream secondConsole = new ByteArrayOutputStream();

        try (TokenServer server = TokenServer.start(fileConfig(), new PrintStream(secondConsole, true, StandardCharsets.UTF_8))) {
            HttpResponse<String> single = get(server.baseUri(), "/auth/tokens?filter_client_id=admin", token);
            HttpResponse<String> again = post(server.baseUri(), form("grant_type", "client_credentials",
                    "client_id", "admin", "client_secret", secret));

            assertThat(single.statusCode()).isEqualTo(200);
            assertThat(json(single).get("total_elements").asLong()).isEqualTo(1);
            assertThat(again.statusCode()).isEqualTo(200);
        }
        assertThat(secondConsole.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(dataDir.resolve(SealingKeys.KEY_FILE)).exists();
        assertThat(Files.readString(dataDir.resolve("tokens.mv.db"), StandardCharsets.ISO_8859_1)).doesNotContain(token);
    }

    @Test
    void startWhenBootstrapFileThenImportsClientsAndUsersAndCreatesNoAdmin() throws Exception {
        Path bootstrap = dataDir.resolve("bootstrap.json");
        Files.writeString(bootstrap, """
                {"clients": [{"client_id": "admin-cli", "client_secret": "s3cret", "grant_types": ["client_credentials"],
                              "scopes": ["read"], "authorities": ["TOKENS_ADMIN"]},
                             {"client_id": "web.app", "grant_types": ["password", "refresh_token"], "scopes": ["read"]}],
                 "users":   [{"username": "jane.doe@example.com", "password": "pa ss+word", "authorities": []}]}
                """);
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        try (TokenServer server = TokenServer.start(quietEphemeral().withBootstrapFile(bootstrap),
                new PrintStream(console, true, StandardCharsets.UTF_8))) {
            HttpResponse<String> user = post(server.baseUri(), form("grant_type", "password", "client_id", "web.app",
                    "username", "jane.doe@example.com", "password", "pa ss+word"));
            String admin = json(post(server.baseUri(), form("grant_type", "client_credentials", "client_id", "admin-cli",
                    "client_secret", "s3cret"))).get("access_token").asText();
            HttpResponse<String> list = get(server.baseUri(), "/auth/tokens?filter_client_id=web.app", admin);

            assertThat(user.statusCode()).isEqualTo(200);
            assertThat(json(user).get("refresh_token")).isNotNull();
            assertThat(json(list).get("content").get(0).get("username").asText()).isEqualTo("jane.doe@example.com");
            assertThat(server.clients().findById(dev.tokenservice.core.model.ClientId.of("admin"))).isEmpty();
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void startWhenBootstrapClientOverridesRefreshFamilySettingsThenTheClientKeepsThem() throws Exception {
        Path bootstrap = dataDir.resolve("bootstrap.json");
        Files.writeString(bootstrap, """
                {"clients": [{"client_id": "mobile", "grant_types": ["password", "refresh_token"], "scopes": ["read"],
                              "refresh_family_ttl": 1209600, "refresh_grace": 30},
                             {"client_id": "kiosk", "grant_types": ["password", "refresh_token"], "scopes": ["read"],
                              "refresh_grace": 0}]}
                """);

        try (TokenServer server = TokenServer.start(quietEphemeral().withBootstrapFile(bootstrap),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            Client mobile = server.clients().findById(ClientId.of("mobile")).orElseThrow();
            Client kiosk = server.clients().findById(ClientId.of("kiosk")).orElseThrow();

            assertThat(mobile.refreshFamilyLifetime()).isEqualTo(Duration.ofDays(14));
            assertThat(mobile.refreshGraceWindow()).isEqualTo(Duration.ofSeconds(30));
            assertThat(kiosk.refreshFamilyLifetime()).isNull();
            assertThat(kiosk.refreshGraceWindow()).isEqualTo(Duration.ZERO);
        }
    }

    @Test
    void startWhenBootstrapClientGraceWindowTooLongThenRefusedNamingTheClient() throws IOException {
        Path bootstrap = dataDir.resolve("bootstrap.json");
        Files.writeString(bootstrap, """
                {"clients": [{"client_id": "mobile", "grant_types": ["refresh_token"], "refresh_grace": 301}]}
                """);

        assertThatThrownBy(() -> TokenServer.start(quietEphemeral().withBootstrapFile(bootstrap),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mobile")
                .hasMessageContaining("grace window");
    }

    @Test
    void startWhenSealingKeyRotatedWithTheOldKeyKeptThenTheAdminViewStillShowsOldTokens() throws Exception {
        Path bootstrap = dataDir.resolve("bootstrap.json");
        Files.writeString(bootstrap, """
                {"clients": [{"client_id": "admin-cli", "client_secret": "s3cret", "grant_types": ["client_credentials"],
                              "authorities": ["TOKENS_ADMIN"]},
                             {"client_id": "web.app", "grant_types": ["password"], "scopes": ["read"]}],
                 "users":   [{"username": "jane", "password": "pw", "authorities": []}]}
                """);
        String oldKey = AesGcmTokenSealer.newBase64Key();
        String newKey = AesGcmTokenSealer.newBase64Key();
        String janes;
        try (TokenServer server = TokenServer.start(fileConfig().withSealingKey(oldKey).withBootstrapFile(bootstrap),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            janes = json(post(server.baseUri(), form("grant_type", "password", "client_id", "web.app",
                    "username", "jane", "password", "pw"))).get("access_token").asText();
        }

        String rotated = adminViewOfJane(fileConfig().withSealingKey(newKey + "," + oldKey).withBootstrapFile(bootstrap));
        String oldKeyDropped = adminViewOfJane(fileConfig().withSealingKey(newKey).withBootstrapFile(bootstrap));

        assertThat(rotated).isEqualTo(janes);
        assertThat(oldKeyDropped).isEqualTo("null");
    }

    /** The token value the single-token administration view shows for jane at web.app. */
    private String adminViewOfJane(ServerConfig config) throws Exception {
        try (TokenServer server = TokenServer.start(config,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            String admin = json(post(server.baseUri(), form("grant_type", "client_credentials",
                    "client_id", "admin-cli", "client_secret", "s3cret"))).get("access_token").asText();
            HttpResponse<String> view = get(server.baseUri(), "/auth/tokens/jane/web.app", admin);
            assertThat(view.statusCode()).isEqualTo(200);
            return json(view).get("token").asText();
        }
    }

    @Test
    void startWhenBootstrapFileGivesHashesThenTheirSecretsAuthenticate() throws Exception {
        Path bootstrap = dataDir.resolve("bootstrap.json");
        String clientHash = new Sha256SecretHasher().hash("machine-secret").value();
        String passwordHash = TestHashers.fast().hash("pa ss+word").value();
        Files.writeString(bootstrap, """
                {"clients": [{"client_id": "machine", "client_secret_hash": "%s", "grant_types": ["password"],
                              "scopes": ["read"]}],
                 "users":   [{"username": "jane.doe@example.com", "password_hash": "%s"}]}
                """.formatted(clientHash, passwordHash));

        try (TokenServer server = TokenServer.start(quietEphemeral().withBootstrapFile(bootstrap),
                new PrintStream(OutputStream.nullOutputStream()))) {
            HttpResponse<String> token = post(server.baseUri(), form("grant_type", "password", "client_id", "machine",
                    "client_secret", "machine-secret", "username", "jane.doe@example.com", "password", "pa ss+word"));
            HttpResponse<String> wrongSecret = post(server.baseUri(), form("grant_type", "password",
                    "client_id", "machine", "client_secret", clientHash, "username", "jane.doe@example.com",
                    "password", "pa ss+word"));

            assertThat(token.statusCode()).isEqualTo(200);
            assertThat(wrongSecret.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void startWhenBootstrapClientAsksForGeneratedSecretThenPrintsItOnceAndKeepsItOnRestart() throws Exception {
        Path bootstrap = dataDir.resolve("bootstrap.json");
        Files.writeString(bootstrap, """
                {"clients": [{"client_id": "machine", "generate_secret": true, "grant_types": ["client_credentials"],
                              "scopes": ["read"]}]}
                """);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        String secret;
        try (TokenServer server = TokenServer.start(fileConfig().withBootstrapFile(bootstrap),
                new PrintStream(console, true, StandardCharsets.UTF_8))) {
            String printed = console.toString(StandardCharsets.UTF_8);
            secret = printed.substring(printed.indexOf("once: ") + 6).strip();
            assertThat(server.clients().findById(dev.tokenservice.core.model.ClientId.of("machine")).orElseThrow()
                    .secretHash().scheme()).isEqualTo("sha256");
        }
        ByteArrayOutputStream secondConsole = new ByteArrayOutputStream();

        try (TokenServer server = TokenServer.start(fileConfig().withBootstrapFile(bootstrap),
                new PrintStream(secondConsole, true, StandardCharsets.UTF_8))) {
            HttpResponse<String> token = post(server.baseUri(), form("grant_type", "client_credentials",
                    "client_id", "machine", "client_secret", secret));

            assertThat(token.statusCode()).isEqualTo(200);
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).containsOnlyOnce("machine");
        assertThat(secondConsole.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void startWhenBootstrapClientHasSecretAndAsksForGeneratedOneThenRefused() throws IOException {
        Path bootstrap = dataDir.resolve("bootstrap.json");
        Files.writeString(bootstrap, """
                {"clients": [{"client_id": "machine", "client_secret": "s3cret", "generate_secret": true}]}
                """);

        assertThatThrownBy(() -> TokenServer.start(quietEphemeral().withBootstrapFile(bootstrap),
                new PrintStream(OutputStream.nullOutputStream())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("s3cret");
    }

    @Test
    void startWhenBootstrapClientHasSecretAndHashThenRefused() throws IOException {
        Path bootstrap = dataDir.resolve("bootstrap.json");
        Files.writeString(bootstrap, """
                {"clients": [{"client_id": "a", "client_secret": "hunter2", "client_secret_hash": "$sha256$AAAA"}]}
                """);

        assertThatThrownBy(() -> TokenServer.start(quietEphemeral().withBootstrapFile(bootstrap),
                new PrintStream(OutputStream.nullOutputStream())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("client_secret or client_secret_hash").hasMessageNotContaining("hunter2");
    }

    @Test
    void startWhenBootstrapHashHasUnknownSchemeThenRefusedAndNothingImported() throws IOException {
        Path bootstrap = dataDir.resolve("bootstrap.json");
        Files.writeString(bootstrap, """
                {"clients": [{"client_id": "a", "client_secret": "hunter2"}],
                 "users":   [{"username": "jane", "password_hash": "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"}]}
                """);

        assertThatThrownBy(() -> TokenServer.start(quietEphemeral().withBootstrapFile(bootstrap),
                new PrintStream(OutputStream.nullOutputStream())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("password_hash");
    }

    @Test
    void startWhenBootstrapClientSettingIsNotValidThenRefusedNamingTheField() throws IOException {
        for (String client : new String[] {
            "{\"client_id\": \"a\", \"access_token_ttl\": 9223372036854775807}",
            "{\"client_id\": \"a\", \"refresh_token_ttl\": 0}",
            "{\"client_id\": \"a\", \"issuance_policy\": \"SOMETIMES\"}",
            "{\"client_id\": \"a\", \"scopes\": [\"read\"], \"default_scopes\": [\"write\"]}",
        }) {
            Path bootstrap = dataDir.resolve("bootstrap.json");
            Files.writeString(bootstrap, "{\"clients\": [" + client + "]}");

            assertThatThrownBy(() -> TokenServer.start(quietEphemeral().withBootstrapFile(bootstrap),
                    new PrintStream(OutputStream.nullOutputStream())))
                    .as(client).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bootstrap client a is not valid");
        }
    }

    @Test
    void startWhenBootstrapFileHasUnknownFieldThenRefusedWithoutEchoingSecrets() throws IOException {
        Path bootstrap = dataDir.resolve("bootstrap.json");
        Files.writeString(bootstrap, "{\"clients\": [{\"client_id\": \"a\", \"secret\": \"hunter2\"}]}");

        assertThatThrownBy(() -> TokenServer.start(quietEphemeral().withBootstrapFile(bootstrap),
                new PrintStream(OutputStream.nullOutputStream())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bootstrap").hasMessageNotContaining("hunter2");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void closeWhenRequestInFlightThenItFinishesAndNewConnectionsAreRefused() throws Exception {
        TokenServer server = TokenServer.start(quietEphemeral(), new PrintStream(OutputStream.nullOutputStream()));
        server.clients().save(Client.builder("machine").secretHash(new Sha256SecretHasher().hash("pw"))
                .grantTypes(GrantType.CLIENT_CREDENTIALS).authorities(Authority.TOKENS_ADMIN).build());
        byte[] body = form("grant_type", "client_credentials", "client_id", "machine", "client_secret", "pw")
                .getBytes(StandardCharsets.US_ASCII);
        URI base = server.baseUri();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /oauth/token HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10);
            out.flush();
            while (server.requestsInFlight() == 0) {
                Thread.onSpinWait();
            }

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
            while (!server.stopping()) {
                Thread.onSpinWait();
            }
            // At once: during the stop, Jetty gives a connection that sends nothing a second before closing it.
            out.write(body, 10, body.length - 10);
            out.flush();
            String response = readAll(socket.getInputStream());
            awaitRefused(base);
            stopping.get();

            assertThat(response).startsWith("HTTP/1.1 200").contains("access_token");
        }
    }

    private static void awaitRefused(URI base) {
        while (true) {
            try {
                new Socket(base.getHost(), base.getPort()).close();
                Thread.onSpinWait();
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                return;
            }
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toString(StandardCharsets.UTF_8);
    }
}
