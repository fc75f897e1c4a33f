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
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /oauth/introspect} (RFC 7662) over a real socket, for clients and for administrators' bearer tokens. */
class IntrospectionEndToEndTest {
    @RegisterExtension
    static final TokenServerExtension server = new TokenServerExtension();

    private static final String RESOURCE_SERVER = "orders.api";
    private static final String RESOURCE_SECRET = "orders-s3cret";
    private static final String MACHINE = "batch.job";
    private static final String MACHINE_SECRET = "batch-s3cret";
    private static final String WEB = "web.app";
    private static final String JANE = "jane@example.com";
    private static final String JANE_PASSWORD = "pw";
    private static final String INACTIVE = "{\"active\":false}";

    private static WireClient client;

    @BeforeAll
    static void register() {
        client = new WireClient(server.baseUri());
        server.registerClient(RESOURCE_SERVER, RESOURCE_SECRET, Scope.EMPTY, GrantType.CLIENT_CREDENTIALS);
        server.registerClient(MACHINE, MACHINE_SECRET, Scope.of("jobs:run"), GrantType.CLIENT_CREDENTIALS);
        server.registerClient(WEB, null, Scope.of("orders:read", "orders:write"), GrantType.PASSWORD,
                GrantType.REFRESH_TOKEN);
        server.registerUser(JANE, JANE_PASSWORD);
    }

    private static Reply introspect(String body, String... headers) {
        return client.postForm("/oauth/introspect", body, headers);
    }

    private static Reply asResourceServer(String token) {
        return introspect(form("token", token), "Authorization", basic(RESOURCE_SERVER, RESOURCE_SECRET));
    }

    private static JsonNode login() {
        return client.postForm("/oauth/token", form("grant_type", "password", "client_id", WEB, "username", JANE,
                "password", JANE_PASSWORD, "scope", "orders:read")).json();
    }

    private static void assertError(Reply reply, int status, String error) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.json().get("error").asText()).isEqualTo(error);
        assertThat(reply.json().get("error_description").asText()).isNotBlank();
        assertThat(reply.header("Cache-Control")).contains("no-store");
    }

    @Test
    void introspectWhenLiveUserAccessTokenThenDescribesItWithoutCaching() {
        long before = Instant.now().getEpochSecond();
        String token = login().get("access_token").asText();

        Reply reply = asResourceServer(token);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).contains("application/json");
        assertThat(reply.header("Cache-Control")).contains("no-store");
        assertThat(reply.header("Pragma")).contains("no-cache");
        JsonNode json = reply.json();
        assertThat(json.fieldNames()).toIterable().containsExactly(
                "active", "scope", "client_id", "username", "token_type", "exp", "iat", "sub");
        assertThat(json.get("active").asBoolean()).isTrue();
        assertThat(json.get("scope").asText()).isEqualTo("orders:read");
        assertThat(json.get("client_id").asText()).isEqualTo(WEB);
        assertThat(json.get("username").asText()).isEqualTo(JANE);
        assertThat(json.get("sub").asText()).isEqualTo(JANE);
        assertThat(json.get("token_type").asText()).isEqualTo("bearer");
        assertThat(json.get("iat").asLong()).isBetween(before, Instant.now().getEpochSecond());
        assertThat(json.get("exp").asLong() - json.get("iat").asLong()).isEqualTo(3600);
    }

    @Test
    void introspectWhenClientTokenWithSecretInBodyThenClientIsSubject() {
        String token = server.clientCredentialsToken(MACHINE, MACHINE_SECRET);

        Reply reply = introspect(form("token", token, "client_id", RESOURCE_SERVER, "client_secret", RESOURCE_SECRET));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("username")).isFalse();
        assertThat(reply.json().get("sub").asText()).isEqualTo(MACHINE);
        assertThat(reply.json().get("scope").asText()).isEqualTo("jobs:run");
    }

    @Test
    void introspectWhenRefreshTokenThenTypeRefreshTokenWithItsOwnExpiry() {
        JsonNode tokens = login();

        JsonNode json = asResourceServer(tokens.get("refresh_token").asText()).json();

        assertThat(json.get("active").asBoolean()).isTrue();
        assertThat(json.get("token_type").asText()).isEqualTo("refresh_token");
        assertThat(json.get("exp").asLong() - json.get("iat").asLong()).isEqualTo(30L * 24 * 3600);
    }

    @Test
    void introspectWhenRefreshTokenWasUsedThenInactive() {
        String refreshToken = login().get("refresh_token").asText();
        client.postForm("/oauth/token", form("grant_type", "refresh_token", "client_id", WEB, "refresh_token", refreshToken));

        Reply reply = asResourceServer(refreshToken);

        assertThat(reply.body()).isEqualTo(INACTIVE);
    }

    @Test
    void introspectWhenRevokedOrUnknownThenExactlyActiveFalse() {
        String token = server.clientCredentialsToken(MACHINE, MACHINE_SECRET);
        client.postForm("/oauth/revoke", form("token", token), "Authorization", basic(MACHINE, MACHINE_SECRET));

        assertThat(asResourceServer(token).body()).isEqualTo(INACTIVE);
        assertThat(asResourceServer("bm90LWEtdG9rZW4").body()).isEqualTo(INACTIVE);
        assertThat(asResourceServer("{not even token syntax}").body()).isEqualTo(INACTIVE);
    }

    @Test
    void introspectWhenHintUnknownThenStillAnswered() {
        String token = server.clientCredentialsToken(MACHINE, MACHINE_SECRET);

        Reply reply = introspect(form("token", token, "token_type_hint", "urn:example:saml"),
                "Authorization", basic(RESOURCE_SERVER, RESOURCE_SECRET));

        assertThat(reply.json().get("active").asBoolean()).isTrue();
    }

    @Test
    void introspectWhenAdministratorBearerTokenThenDescribes() {
        String token = server.clientCredentialsToken(MACHINE, MACHINE_SECRET);

        Reply reply = introspect(form("token", token), "Authorization", bearer(server.adminToken()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("client_id").asText()).isEqualTo(MACHINE);
    }

    @Test
    void introspectWhenBearerLacksAuthorityThen403InsufficientScopeChallenge() {
        String token = server.clientCredentialsToken(MACHINE, MACHINE_SECRET);

        Reply reply = introspect(form("token", token), "Authorization", bearer(token));

        assertError(reply, 403, "insufficient_scope");
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value)
                .startsWith("Bearer realm=\"token-service\", error=\"insufficient_scope\", error_description=\""));
    }

    @Test
    void introspectWhenBearerUnknownThen401InvalidTokenChallenge() {
        Reply reply = introspect(form("token", "abc"), "Authorization", bearer("bm90LWEtdG9rZW4"));

        assertError(reply, 401, "invalid_token");
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value)
                .startsWith("Bearer realm=\"token-service\", error=\"invalid_token\", error_description=\""));
    }

    @Test
    void introspectWhenBearerMalformedThen400InvalidRequestChallenge() {
        Reply reply = introspect(form("token", "abc"), "Authorization", "Bearer two words");

        assertError(reply, 400, "invalid_request");
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value)
                .contains("error=\"invalid_request\""));
    }

    @Test
    void introspectWhenBearerAndClientCredentialsThen400InvalidRequest() {
        Reply reply = introspect(form("token", "abc", "client_id", RESOURCE_SERVER, "client_secret", RESOURCE_SECRET),
                "Authorization", bearer(server.adminToken()));

        assertError(reply, 400, "invalid_request");
    }

    @Test
    void introspectWhenAdministratorTokenOnlyInTheBodyThenNotAccepted() {
        Reply reply = introspect(form("token", "abc", "access_token", server.adminToken()));

        assertError(reply, 401, "invalid_client");
    }

    @Test
    void introspectWhenPublicClientThen401InvalidClient() {
        String token = login().get("access_token").asText();

        Reply reply = introspect(form("token", token, "client_id", WEB));

        assertError(reply, 401, "invalid_client");
    }

    @Test
    void introspectWhenWrongSecretWithBasicThen401BasicChallenge() {
        Reply reply = introspect(form("token", "abc"), "Authorization", basic(RESOURCE_SERVER, "wrong"));

        assertError(reply, 401, "invalid_client");
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm="));
    }

    @Test
    void introspectWhenTokenMissingThen400InvalidRequest() {
        assertError(introspect("", "Authorization", basic(RESOURCE_SERVER, RESOURCE_SECRET)), 400, "invalid_request");
    }

    @Test
    void introspectWhenOtherMethodThen405AllowingPost() {
        Reply reply = client.get("/oauth/introspect");

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).contains("POST");
    }
}
