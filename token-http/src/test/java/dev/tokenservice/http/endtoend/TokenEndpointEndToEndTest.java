package dev.tokenservice.http.endtoend;

import static dev.tokenservice.http.endtoend.WireClient.basic;
import static dev.tokenservice.http.endtoend.WireClient.bearer;
import static dev.tokenservice.http.endtoend.WireClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.http.endtoend.WireClient.Reply;
import dev.tokenservice.http.testing.TokenServerExtension;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The token endpoint over a real socket: every grant, every error code, the bad inputs. */
class TokenEndpointEndToEndTest {
    @RegisterExtension
    static final TokenServerExtension server = new TokenServerExtension();

    private static final String MACHINE = "reporting.service";
    private static final String MACHINE_SECRET = "m4chine-secret";
    private static final String WEB = "web.app";
    private static final String CONFIDENTIAL_WEB = "portal:web";
    private static final String CONFIDENTIAL_SECRET = "p@ss w+rd~-._";
    private static final String JANE = "jane.doe@example.com";
    private static final String JANE_PASSWORD = "pa ss+word";

    private static WireClient client;

    @BeforeAll
    static void register() {
        client = new WireClient(server.baseUri());
        server.registerClient(MACHINE, MACHINE_SECRET, Scope.of("read", "write"), GrantType.CLIENT_CREDENTIALS);
        server.registerClient(WEB, null, Scope.of("read", "write"), GrantType.PASSWORD, GrantType.REFRESH_TOKEN);
        server.registerClient(CONFIDENTIAL_WEB, CONFIDENTIAL_SECRET, Scope.of("read"),
                GrantType.PASSWORD, GrantType.REFRESH_TOKEN, GrantType.CLIENT_CREDENTIALS);
        server.registerUser(JANE, JANE_PASSWORD);
    }

    private static Reply token(String body, String... headers) {
        return client.postForm("/oauth/token", body, headers);
    }

    private static void assertError(Reply reply, int status, String error) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.json().get("error").asText()).isEqualTo(error);
        assertThat(reply.json().get("error_description").asText()).isNotBlank();
        assertThat(reply.header("Cache-Control")).contains("no-store");
        assertThat(reply.header("Pragma")).contains("no-cache");
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at dev.");
    }

    private static long liveTokens(String adminToken) {
        return client.get("/auth/tokens?size=1", "Authorization", bearer(adminToken)).json().get("total_elements").asLong();
    }

    @Test
    void clientCredentialsWhenSecretInBodyThenKnetikResponse() {
        Reply reply = token(form("grant_type", "client_credentials", "client_id", MACHINE, "client_secret", MACHINE_SECRET));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).contains("application/json");
        assertThat(reply.header("Cache-Control")).contains("no-store");
        assertThat(reply.header("Pragma")).contains("no-cache");
        JsonNode json = reply.json();
        assertThat(json.fieldNames()).toIterable().containsExactly("access_token", "token_type", "expires_in", "scope");
        assertThat(json.get("token_type").asText()).isEqualTo("bearer");
        assertThat(json.get("expires_in").isIntegralNumber()).isTrue();
        assertThat(json.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(json.get("scope").asText()).isEqualTo("read write");
        assertThat(json.get("access_token").asText()).hasSize(43);
    }

    @Test
    void clientCredentialsWhenBasicWithEncodedIdAndSecretThenIssued() {
        Reply reply = token(form("grant_type", "client_credentials", "scope", "read"),
                "Authorization", basic(CONFIDENTIAL_WEB, CONFIDENTIAL_SECRET));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("scope").asText()).isEqualTo("read");
    }

    @Test
    void clientCredentialsWhenBasicAndSameBodyClientIdThenIssued() {
        Reply reply = token(form("grant_type", "client_credentials", "client_id", MACHINE),
                "Authorization", basic(MACHINE, MACHINE_SECRET));

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void tokenPathWhenPostedThenServesTheSameEndpoint() {
        Reply reply = client.postForm("/token",
                form("grant_type", "client_credentials", "client_id", MACHINE, "client_secret", MACHINE_SECRET));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("access_token")).isTrue();
    }

    @Test
    void passwordWhenPublicClientThenAccessAndRefreshToken() {
        Reply reply = token(form("grant_type", "password", "client_id", WEB, "username", JANE, "password", JANE_PASSWORD));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().fieldNames()).toIterable()
                .containsExactly("access_token", "token_type", "expires_in", "scope", "refresh_token");
        assertThat(reply.json().get("scope").asText()).isEqualTo("read write");
    }

    @Test
    void passwordWhenConfidentialClientWithBasicThenIssued() {
        Reply reply = token(form("grant_type", "password", "username", JANE, "password", JANE_PASSWORD),
                "Authorization", basic(CONFIDENTIAL_WEB, CONFIDENTIAL_SECRET));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("refresh_token")).isTrue();
    }

    @Test
    void refreshTokenWhenUsedThenRotatesAndNarrowsScope() {
        String refresh = token(form("grant_type", "password", "client_id", WEB, "username", JANE, "password", JANE_PASSWORD))
                .json().get("refresh_token").asText();

        Reply reply = token(form("grant_type", "refresh_token", "client_id", WEB, "refresh_token", refresh, "scope", "read"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("scope").asText()).isEqualTo("read");
        assertThat(reply.json().get("refresh_token").asText()).isNotEqualTo(refresh);
    }

    @Test
    void refreshTokenWhenReusedThenInvalidGrantAndFamilyRevoked() {
        String first = token(form("grant_type", "password", "client_id", WEB, "username", JANE, "password", JANE_PASSWORD))
                .json().get("refresh_token").asText();
        String second = token(form("grant_type", "refresh_token", "client_id", WEB, "refresh_token", first))
                .json().get("refresh_token").asText();

        Reply reuse = token(form("grant_type", "refresh_token", "client_id", WEB, "refresh_token", first));

        assertError(reuse, 400, "invalid_grant");
        assertError(token(form("grant_type", "refresh_token", "client_id", WEB, "refresh_token", second)), 400,
                "invalid_grant");
    }

    @Test
    void refreshTokenWhenIssuedToAnotherClientThenInvalidGrant() {
        String refresh = token(form("grant_type", "password", "client_id", WEB, "username", JANE, "password", JANE_PASSWORD))
                .json().get("refresh_token").asText();

        Reply reply = token(form("grant_type", "refresh_token", "refresh_token", refresh),
                "Authorization", basic(CONFIDENTIAL_WEB, CONFIDENTIAL_SECRET));

        assertError(reply, 400, "invalid_grant");
    }

    @Test
    void thirdPartyGrantWhenNoVerifierRegisteredThenUnsupportedGrantType() {
        server.registerClient("third-party.app", null, Scope.of("read"), GrantType.of("facebook"));

        Reply reply = token(form("grant_type", "facebook", "client_id", "third-party.app", "token", "fb-token"));

        assertError(reply, 400, "unsupported_grant_type");
    }

    @Test
    void tokenWhenWrongSecretInBodyThenInvalidClientWithoutChallenge() {
        Reply reply = token(form("grant_type", "client_credentials", "client_id", MACHINE, "client_secret", "wrong"));

        assertError(reply, 401, "invalid_client");
        assertThat(reply.header("WWW-Authenticate")).isEmpty();
    }

    @Test
    void tokenWhenWrongSecretWithBasicThenInvalidClientWithBasicChallenge() {
        Reply reply = token(form("grant_type", "client_credentials"), "Authorization", basic(MACHINE, "wrong"));

        assertError(reply, 401, "invalid_client");
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Basic realm=\"token-service\""));
    }

    @Test
    void tokenWhenUnknownClientThenInvalidClient() {
        assertError(token(form("grant_type", "client_credentials", "client_id", "nobody", "client_secret", "x")),
                401, "invalid_client");
    }

    @Test
    void tokenWhenNoClientThenInvalidClient() {
        assertError(token(form("grant_type", "client_credentials")), 401, "invalid_client");
    }

    @Test
    void passwordWhenWrongPasswordThenInvalidGrant() {
        assertError(token(form("grant_type", "password", "client_id", WEB, "username", JANE, "password", "nope")),
                400, "invalid_grant");
    }

    @Test
    void passwordWhenUsernameMissingThenInvalidRequest() {
        assertError(token(form("grant_type", "password", "client_id", WEB, "password", "x")), 400, "invalid_request");
    }

    @Test
    void clientCredentialsWhenClientMayNotUseItThenUnauthorizedClient() {
        assertError(token(form("grant_type", "client_credentials", "client_id", WEB)), 400, "unauthorized_client");
    }

    @Test
    void tokenWhenUnknownGrantTypeThenUnsupportedGrantType() {
        assertError(token(form("grant_type", "urn:example:nothing", "client_id", WEB)), 400, "unsupported_grant_type");
    }

    @Test
    void tokenWhenScopeNotAllowedThenInvalidScope() {
        assertError(token(form("grant_type", "client_credentials", "client_id", MACHINE, "client_secret", MACHINE_SECRET,
                "scope", "admin")), 400, "invalid_scope");
    }

    @Test
    void tokenWhenGrantTypeMissingThenInvalidRequest() {
        assertError(token(form("client_id", MACHINE, "client_secret", MACHINE_SECRET)), 400, "invalid_request");
    }

    @Test
    void tokenWhenBasicAndBodySecretThenInvalidRequest() {
        assertError(token(form("grant_type", "client_credentials", "client_secret", MACHINE_SECRET),
                "Authorization", basic(MACHINE, MACHINE_SECRET)), 400, "invalid_request");
    }

    @Test
    void tokenWhenParameterRepeatedThenInvalidRequest() {
        assertError(token("grant_type=client_credentials&client_id=" + MACHINE + "&client_secret=" + MACHINE_SECRET
                + "&scope=read&scope=write"), 400, "invalid_request");
    }

    @Test
    void tokenWhenJsonBodyThenInvalidRequest() {
        Reply reply = client.send("POST", "/oauth/token", "application/json",
                "{\"grant_type\":\"client_credentials\"}".getBytes(StandardCharsets.UTF_8));

        assertError(reply, 400, "invalid_request");
    }

    @Test
    void tokenWhenBodyOver64KibThenRefusedWith413() {
        String body = form("grant_type", "client_credentials", "client_id", MACHINE, "client_secret", MACHINE_SECRET,
                "padding", "x".repeat(70_000));

        Reply reply = token(body);

        assertError(reply, 413, "invalid_request");
    }

    @Test
    void tokenWhenUsernameOverLimitThenInvalidRequest() {
        assertError(token(form("grant_type", "password", "client_id", WEB, "username", "u".repeat(300),
                "password", "x")), 400, "invalid_request");
    }

    @Test
    void tokenWhenClientIdOverLimitThenInvalidRequest() {
        assertError(token(form("grant_type", "client_credentials", "client_id", "c".repeat(300), "client_secret", "x")),
                400, "invalid_request");
    }

    @Test
    void tokenWhenInvalidUtf8ThenInvalidRequest() {
        assertError(token("grant_type=password&client_id=web.app&username=%C3%28&password=x"), 400, "invalid_request");
    }

    @Test
    void tokenWhenBadPercentEncodingThenInvalidRequest() {
        assertError(token("grant_type=password&client_id=web.app&username=jane%2&password=x"), 400, "invalid_request");
    }

    @Test
    void tokenWhenRawBytesAreNotUtf8ThenInvalidRequest() {
        byte[] body = {'g', 'r', 'a', 'n', 't', '_', 't', 'y', 'p', 'e', '=', (byte) 0xFF};

        Reply reply = client.send("POST", "/oauth/token", WireClient.FORM, body);

        assertError(reply, 400, "invalid_request");
    }

    @Test
    void tokenWhenParametersInQueryStringThenInvalidRequest() {
        Reply reply = client.postForm("/oauth/token?client_secret=" + MACHINE_SECRET,
                form("grant_type", "client_credentials", "client_id", MACHINE));

        assertError(reply, 400, "invalid_request");
    }

    @Test
    void tokenWhenGetThen405WithAllowPost() {
        Reply reply = client.get("/oauth/token");

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).contains("POST");
        assertThat(reply.header("Cache-Control")).contains("no-store");
        assertThat(reply.json().get("error").asText()).isEqualTo("method_not_allowed");
    }

    @Test
    void tokenWhenPutOrDeleteThen405() {
        assertThat(client.send("PUT", "/token", WireClient.FORM, new byte[0]).status()).isEqualTo(405);
        assertThat(client.delete("/oauth/token").status()).isEqualTo(405);
    }

    @Test
    void tokenWhenOddInputsThenAlwaysClientErrorNeverServerError() {
        String[] bodies = {
            "grant_type=+&client_id=web.app",
            "grant_type=password&client_id=web.app&username=+&password=x",
            "grant_type=password&client_id=web.app&username=%00&password=x",
            "grant_type=password&client_id=%20&username=a&password=x",
            "grant_type=refresh_token&client_id=web.app&refresh_token=+",
            "grant_type=client_credentials&client_id=reporting.service&client_secret=m4chine-secret&scope=%20read",
            "grant_type=client_credentials&client_id=reporting.service&client_secret=m4chine-secret&scope=a%22b",
            "grant_type=password&client_id=web.app&username=jane&password=x&" + "p=1&".repeat(40),
            "=&&&==&",
            "%",
            "grant_type=%E2%82",
            "",
        };

        for (String body : bodies) {
            Reply reply = token(body);

            assertThat(reply.status()).as(body).isBetween(400, 499);
            assertThat(reply.json().get("error").asText()).as(body).isNotEqualTo("server_error");
        }
    }

    @Test
    void tokenWhenRequestFailsThenStoreIsUnchanged() {
        String admin = server.adminToken();
        long before = liveTokens(admin);

        token(form("grant_type", "client_credentials", "client_id", MACHINE, "client_secret", "wrong"));
        token(form("grant_type", "password", "client_id", WEB, "username", JANE, "password", "wrong"));
        token(form("grant_type", "client_credentials", "client_id", MACHINE, "client_secret", MACHINE_SECRET, "scope", "admin"));
        token("grant_type=client_credentials&grant_type=client_credentials&client_id=" + MACHINE);
        token(form("grant_type", "refresh_token", "client_id", WEB, "refresh_token", "not-a-token"));
        token(form("grant_type", "client_credentials", "client_id", MACHINE, "client_secret", MACHINE_SECRET,
                "padding", "x".repeat(70_000)));

        assertThat(liveTokens(admin)).isEqualTo(before);
    }
}
