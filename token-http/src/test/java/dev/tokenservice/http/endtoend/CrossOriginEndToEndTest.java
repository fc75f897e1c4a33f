package dev.tokenservice.http.endtoend;

import static dev.tokenservice.http.endtoend.WireClient.basic;
import static dev.tokenservice.http.endtoend.WireClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.http.endtoend.WireClient.Reply;
import dev.tokenservice.http.launcher.EdgeSettings;
import dev.tokenservice.http.testing.TokenServerExtension;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CORS over a real socket: a server that lets the scripts of one origin call it ({@code TOKEN_CORS_ORIGINS}), and one
 * with the default, no origin at all.
 */
class CrossOriginEndToEndTest {
    private static final String APP = "https://app.example.com";
    private static final String MACHINE = "machine";
    private static final String SECRET = "machine-s3cret";

    @RegisterExtension
    static final TokenServerExtension server = new TokenServerExtension(config -> config.toBuilder()
            .edge(new EdgeSettings(List.of(APP, "http://localhost:3000"), Duration.ofSeconds(900), List.of()))
            .build());

    @RegisterExtension
    static final TokenServerExtension closed = new TokenServerExtension();

    private static WireClient wire;

    @BeforeAll
    static void registerClient() {
        server.registerClient(MACHINE, SECRET, Scope.of("read"), GrantType.CLIENT_CREDENTIALS);
        closed.registerClient(MACHINE, SECRET, Scope.of("read"), GrantType.CLIENT_CREDENTIALS);
        wire = new WireClient(server.baseUri());
    }

    private static Reply preflight(WireClient client, String path, String origin, String method) {
        return client.send("OPTIONS", path, null, null, "Origin", origin, "Access-Control-Request-Method", method,
                "Access-Control-Request-Headers", "authorization,content-type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/oauth/token", "/token", "/api/v2/token", "/oauth/revoke"})
    void preflightWhenOriginAllowedThenAnsweredWithMethodsHeadersMaxAgeAndVary(String path) {
        Reply reply = preflight(wire, path, APP, "POST");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Access-Control-Allow-Origin")).hasValue(APP);
        assertThat(list(reply, "Access-Control-Allow-Methods")).contains("post");
        assertThat(list(reply, "Access-Control-Allow-Headers")).contains("authorization", "content-type");
        assertThat(reply.header("Access-Control-Max-Age")).hasValue("900");
        assertThat(reply.header("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(list(reply, "Vary")).contains("origin");
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void preflightWhenAdministrationDeleteFromAllowedOriginThenDeleteAllowed() {
        Reply reply = preflight(wire, "/auth/tokens/jane%40example.com/web.app", "http://localhost:3000", "DELETE");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
        assertThat(list(reply, "Access-Control-Allow-Methods")).contains("get", "delete");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "https://appXexample.com", "https://app.example.com.evil.example",
            "http://app.example.com", "null"})
    void preflightWhenOriginNotAllowedThenNoCorsHeaders(String origin) {
        Reply reply = preflight(wire, "/oauth/token", origin, "POST");

        assertThat(corsHeaders(reply)).isEmpty();
        assertThat(list(reply, "Vary")).contains("origin");
    }

    @Test
    void preflightWhenIntrospectionThenNoCorsHeadersForAnyOrigin() {
        Reply reply = preflight(wire, "/oauth/introspect", APP, "POST");

        assertThat(corsHeaders(reply)).isEmpty();
    }

    @Test
    void tokenRequestWhenOriginAllowedThenAnswerReadableByTheScript() {
        Reply reply = wire.postForm("/api/v2/token", form("grant_type", "client_credentials"),
                "Authorization", basic(MACHINE, SECRET), "Origin", APP);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("Access-Control-Allow-Origin")).hasValue(APP);
        assertThat(list(reply, "Vary")).contains("origin");
        assertThat(reply.json().get("access_token").asText()).isNotEmpty();
    }

    @Test
    void administrationWhenUnauthorizedFromAllowedOriginThenChallengeExposed() {
        Reply reply = wire.get("/auth/tokens", "Origin", APP);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("Access-Control-Allow-Origin")).hasValue(APP);
        assertThat(list(reply, "Access-Control-Expose-Headers")).contains("www-authenticate");
    }

    @Test
    void tokenRequestWhenOriginNotAllowedThenServedWithoutCorsHeaders() {
        Reply reply = wire.postForm("/oauth/token", form("grant_type", "client_credentials"),
                "Authorization", basic(MACHINE, SECRET), "Origin", "https://evil.example");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(corsHeaders(reply)).isEmpty();
    }

    @Test
    void preflightWhenNoOriginConfiguredThenNoCorsHeaders() {
        WireClient closedWire = new WireClient(closed.baseUri());

        Reply preflight = preflight(closedWire, "/oauth/token", APP, "POST");
        Reply token = closedWire.postForm("/oauth/token", form("grant_type", "client_credentials"),
                "Authorization", basic(MACHINE, SECRET), "Origin", APP);

        assertThat(corsHeaders(preflight)).isEmpty();
        assertThat(token.status()).isEqualTo(200);
        assertThat(corsHeaders(token)).isEmpty();
    }

    private static List<String> corsHeaders(Reply reply) {
        return reply.headers().keySet().stream().filter(name -> name.startsWith("access-control-")).toList();
    }

    /** A comma-separated header's items, in lower case. */
    private static List<String> list(Reply reply, String name) {
        return reply.headers().getOrDefault(name.toLowerCase(Locale.ROOT), List.of()).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(item -> item.strip().toLowerCase(Locale.ROOT)).toList();
    }
}
