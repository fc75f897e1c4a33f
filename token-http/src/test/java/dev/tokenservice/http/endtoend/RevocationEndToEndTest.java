package dev.tokenservice.http.endtoend;

import static dev.tokenservice.http.endtoend.WireClient.basic;
import static dev.tokenservice.http.endtoend.WireClient.bearer;
import static dev.tokenservice.http.endtoend.WireClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.http.endtoend.WireClient.Reply;
import dev.tokenservice.http.testing.TokenServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /oauth/revoke} (RFC 7009) over a real socket. */
class RevocationEndToEndTest {
    @RegisterExtension
    static final TokenServerExtension server = new TokenServerExtension();

    private static final String MACHINE = "machine";
    private static final String MACHINE_SECRET = "machine-s3cret";
    private static final String OTHER = "other.machine";
    private static final String OTHER_SECRET = "other-s3cret";
    private static final String WEB = "web.app";
    private static final String JANE = "jane";
    private static final String JANE_PASSWORD = "pw";

    private static WireClient client;

    @BeforeAll
    static void register() {
        client = new WireClient(server.baseUri());
        server.registerClient(Client.builder(MACHINE).secretHash(TokenServerExtension.hashSecret(MACHINE_SECRET))
                .grantTypes(GrantType.CLIENT_CREDENTIALS).authorities(Authority.TOKENS_ADMIN).build());
        server.registerClient(OTHER, OTHER_SECRET, Scope.of("read"), GrantType.CLIENT_CREDENTIALS);
        server.registerClient(WEB, null, Scope.of("read"), GrantType.PASSWORD, GrantType.REFRESH_TOKEN);
        server.registerUser(JANE, JANE_PASSWORD);
    }

    private static Reply revoke(String body, String... headers) {
        return client.postForm("/oauth/revoke", body, headers);
    }

    private static JsonNode login() {
        Reply reply = client.postForm("/oauth/token",
                form("grant_type", "password", "client_id", WEB, "username", JANE, "password", JANE_PASSWORD));
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    /** Whether the token still works where a bearer token is checked: the administration API. */
    private static int adminStatusWith(String accessToken) {
        return client.get("/auth/tokens?size=1", "Authorization", bearer(accessToken)).status();
    }

    private static void assertRevoked(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).isEmpty();
        assertThat(reply.header("Cache-Control")).contains("no-store");
        assertThat(reply.header("Pragma")).contains("no-cache");
    }

    private static void assertError(Reply reply, int status, String error) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.json().get("error").asText()).isEqualTo(error);
        assertThat(reply.json().get("error_description").asText()).isNotBlank();
        assertThat(reply.header("Cache-Control")).contains("no-store");
    }

    @Test
    void revokeWhenOwnAccessTokenWithBasicThen200EmptyAndTokenNoLongerAuthenticates() {
        String token = server.clientCredentialsToken(MACHINE, MACHINE_SECRET);
        assertThat(adminStatusWith(token)).isEqualTo(200);

        Reply reply = revoke(form("token", token), "Authorization", basic(MACHINE, MACHINE_SECRET));

        assertRevoked(reply);
        assertThat(adminStatusWith(token)).isEqualTo(401);
    }

    @Test
    void revokeWhenOwnAccessTokenWithSecretInBodyThenRevoked() {
        String token = server.clientCredentialsToken(MACHINE, MACHINE_SECRET);

        Reply reply = revoke(form("token", token, "client_id", MACHINE, "client_secret", MACHINE_SECRET));

        assertRevoked(reply);
        assertThat(adminStatusWith(token)).isEqualTo(401);
    }

    @Test
    void revokeWhenPublicClientRevokesItsRefreshTokenThenFamilyAndAccessTokenGone() {
        JsonNode tokens = login();
        String refreshToken = tokens.get("refresh_token").asText();

        Reply reply = revoke(form("token", refreshToken, "token_type_hint", "refresh_token", "client_id", WEB));

        assertRevoked(reply);
        Reply refreshed = client.postForm("/oauth/token",
                form("grant_type", "refresh_token", "client_id", WEB, "refresh_token", refreshToken));
        assertError(refreshed, 400, "invalid_grant");
        Reply introspection = client.postForm("/oauth/introspect", form("token", tokens.get("access_token").asText()),
                "Authorization", basic(MACHINE, MACHINE_SECRET));
        assertThat(introspection.json().toString()).isEqualTo("{\"active\":false}");
    }

    @Test
    void revokeWhenHintNamesTheOtherTypeOrIsUnknownThenStillRevoked() {
        String first = server.clientCredentialsToken(MACHINE, MACHINE_SECRET);
        String second = server.clientCredentialsToken(MACHINE, MACHINE_SECRET);

        Reply wrongHint = revoke(form("token", first, "token_type_hint", "refresh_token"),
                "Authorization", basic(MACHINE, MACHINE_SECRET));
        Reply unknownHint = revoke(form("token", second, "token_type_hint", "urn:example:id_token"),
                "Authorization", basic(MACHINE, MACHINE_SECRET));

        assertRevoked(wrongHint);
        assertRevoked(unknownHint);
        assertThat(adminStatusWith(first)).isEqualTo(401);
        assertThat(adminStatusWith(second)).isEqualTo(401);
    }

    @Test
    void revokeWhenTokenUnknownThen200() {
        Reply reply = revoke(form("token", "bm90LWlzc3VlZC1ieS10aGlzLXNlcnZlcg"),
                "Authorization", basic(MACHINE, MACHINE_SECRET));

        assertRevoked(reply);
    }

    @Test
    void revokeWhenTokenOfAnotherClientThen400UnauthorizedClientAndTokenStillWorks() {
        String token = server.clientCredentialsToken(MACHINE, MACHINE_SECRET);

        Reply reply = revoke(form("token", token), "Authorization", basic(OTHER, OTHER_SECRET));

        assertError(reply, 400, "unauthorized_client");
        assertThat(adminStatusWith(token)).isEqualTo(200);
    }

    @Test
    void revokeWhenWrongSecretWithBasicThen401WithBasicChallengeAndTokenStillWorks() {
        String token = server.clientCredentialsToken(MACHINE, MACHINE_SECRET);

        Reply reply = revoke(form("token", token), "Authorization", basic(MACHINE, "wrong"));

        assertError(reply, 401, "invalid_client");
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm="));
        assertThat(adminStatusWith(token)).isEqualTo(200);
    }

    @Test
    void revokeWhenWrongSecretInBodyThen401WithoutChallenge() {
        Reply reply = revoke(form("token", "abc", "client_id", MACHINE, "client_secret", "wrong"));

        assertError(reply, 401, "invalid_client");
        assertThat(reply.header("WWW-Authenticate")).isEmpty();
    }

    @Test
    void revokeWhenNoClientThen401InvalidClient() {
        assertError(revoke(form("token", "abc")), 401, "invalid_client");
    }

    @Test
    void revokeWhenTokenMissingThen400InvalidRequest() {
        assertError(revoke("", "Authorization", basic(MACHINE, MACHINE_SECRET)), 400, "invalid_request");
    }

    @Test
    void revokeWhenTokenInTheUrlThen400InvalidRequest() {
        Reply reply = client.postForm("/oauth/revoke?token=abc", form("client_id", WEB));

        assertError(reply, 400, "invalid_request");
    }

    @Test
    void revokeWhenJsonBodyThen400InvalidRequest() {
        Reply reply = client.send("POST", "/oauth/revoke", "application/json", "{\"token\":\"abc\"}".getBytes(),
                "Authorization", basic(MACHINE, MACHINE_SECRET));

        assertError(reply, 400, "invalid_request");
    }

    @Test
    void revokeWhenBodyTooLargeThen413() {
        Reply reply = revoke(form("token", "abc", "padding", "x".repeat(70_000)), "Authorization",
                basic(MACHINE, MACHINE_SECRET));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.header("Cache-Control")).contains("no-store");
    }

    @Test
    void revokeWhenOtherMethodThen405AllowingPost() {
        Reply reply = client.get("/oauth/revoke");

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).contains("POST");
    }
}
