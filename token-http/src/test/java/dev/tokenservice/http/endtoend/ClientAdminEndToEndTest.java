package dev.tokenservice.http.endtoend;

import static dev.tokenservice.http.endtoend.WireClient.bearer;
import static dev.tokenservice.http.endtoend.WireClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.http.endtoend.WireClient.Reply;
import dev.tokenservice.http.testing.TokenServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Client administration over a real socket: registration with a generated secret shown once, the secret at the token
 * endpoint, settings that change issuance, rotation with and without a grace period, deletion with the client's tokens,
 * account links, and refusals (bad input, no token, no authority) that leave the store exactly as it was.
 */
class ClientAdminEndToEndTest {
    @RegisterExtension
    static final TokenServerExtension server = new TokenServerExtension();

    private static final String PASSWORD = "pa ss+word";
    private static final Duration MARGIN = Duration.ofSeconds(10);
    private static WireClient client;
    private static String admin;
    private static String userToken;

    @BeforeAll
    static void setUp() {
        client = new WireClient(server.baseUri());
        admin = server.adminToken();
        server.registerClient("web.app", null, Scope.of("read"), GrantType.PASSWORD);
        server.registerUser("jane", PASSWORD);
        userToken = server.passwordToken("web.app", null, "jane", PASSWORD);
    }

    private static Reply asAdmin(String method, String path, String json) {
        return json == null ? client.send(method, path, null, null, "Authorization", bearer(admin))
                : client.sendJson(method, path, json, "Authorization", bearer(admin));
    }

    private static JsonNode register(String json) {
        Reply reply = asAdmin("POST", "/auth/clients", json);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    private static Reply clientCredentials(String clientId, String secret) {
        return client.postForm("/oauth/token", form("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    private static Optional<Client> stored(String clientId) {
        return server.findClient(clientId);
    }

    private static long liveTokensOf(String clientId) {
        return asAdmin("GET", "/auth/tokens?filter_client_id=" + clientId, null).json().get("total_elements").asLong();
    }

    private static void assertError(Reply reply, int status, String error) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().get("error").asText()).isEqualTo(error);
        assertThat(reply.json().get("error_description").asText()).doesNotContain("Exception", "dev.tokenservice");
    }

    @Test
    void createWhenConfidentialThenTheSecretIsShownOnceAndWorksAtTheTokenEndpoint() {
        JsonNode created = register("{\"client_id\":\"billing.service\",\"grant_types\":[\"client_credentials\"],"
                + "\"scopes\":[\"read\",\"write\"],\"default_scopes\":[\"read\"]}");
        String secret = created.get("client_secret").asText();

        Reply token = clientCredentials("billing.service", secret);

        assertThat(secret).matches("[A-Za-z0-9_-]{43}");
        assertThat(created.get("client").get("confidential").asBoolean()).isTrue();
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        assertThat(token.json().get("scope").asText()).isEqualTo("read");
        assertThat(stored("billing.service").orElseThrow().secretHash().value()).startsWith("$sha256$")
                .doesNotContain(secret);
        Reply one = asAdmin("GET", "/auth/clients/billing.service", null);
        Reply all = asAdmin("GET", "/auth/clients?size=1000", null);
        assertThat(one.body()).doesNotContain(secret).doesNotContain("client_secret").doesNotContain("$sha256$");
        assertThat(all.body()).doesNotContain(secret).doesNotContain("client_secret").doesNotContain("$sha256$");
    }

    @Test
    void createWhenPublicThenNoSecretAndThePasswordGrantWorksWithTheIdAlone() {
        JsonNode created = register("{\"client_id\":\"spa.app\",\"confidential\":false,"
                + "\"grant_types\":[\"password\",\"refresh_token\"],\"scopes\":[\"read\"]}");

        Reply token = client.postForm("/oauth/token", form("grant_type", "password", "client_id", "spa.app",
                "username", "jane", "password", PASSWORD));

        assertThat(created.get("client_secret").isNull()).isTrue();
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        assertThat(token.json().has("refresh_token")).isTrue();
    }

    @Test
    void createWhenIdIsTakenThen409AndTheClientIsUnchanged() {
        register("{\"client_id\":\"taken.app\",\"grant_types\":[\"client_credentials\"]}");
        Client before = stored("taken.app").orElseThrow();

        Reply reply = asAdmin("POST", "/auth/clients", "{\"client_id\":\"taken.app\",\"scopes\":[\"admin\"]}");

        assertError(reply, 409, "invalid_request");
        assertThat(stored("taken.app")).contains(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"grant_types\":[\"client_credentials\"]}",
        "{\"client_id\":\"bad.app\",\"client_secret\":\"chosen-by-me\"}",
        "{\"client_id\":\"bad.app\",\"scopes\":\"read\"}",
        "{\"client_id\":\"bad.app\",\"scopes\":[\"read\"],\"default_scopes\":[\"write\"]}",
        "{\"client_id\":\"bad.app\",\"scopes\":[\"re\\\"ad\"]}",
        "{\"client_id\":\"bad.app\",\"scopes\":[\"read\",\"read\"]}",
        "{\"client_id\":\"bad.app\",\"grant_types\":[\"client credentials\"]}",
        "{\"client_id\":\"bad.app\",\"grant_types\":[null]}",
        "{\"client_id\":\"bad.app\",\"access_token_ttl\":0}",
        "{\"client_id\":\"bad.app\",\"refresh_token_ttl\":-5}",
        "{\"client_id\":\"bad.app\",\"access_token_ttl\":999999999999}",
        "{\"client_id\":\"bad.app\",\"access_token_ttl\":1.5}",
        "{\"client_id\":\"bad.app\",\"access_token_ttl\":\"60\"}",
        "{\"client_id\":\"bad.app\",\"confidential\":\"no\"}",
        "{\"client_id\":7}",
        "{\"client_id\":\"bad.app\",\"issuance_policy\":\"reuse_live\"}",
        "{\"client_id\":\"bad app\"}",
        "{\"client_id\":\"\"}",
        "{\"client_id\":\"bad.app\"} {}",
        "{\"client_id\":\"bad.app\"",
        "[]",
        "null",
        ""
    })
    void createWhenBodyIsBadThen400AndNothingIsStored(String body) {
        long before = server.clientCount();

        Reply reply = asAdmin("POST", "/auth/clients", body);

        assertError(reply, 400, "invalid_request");
        assertThat(stored("bad.app")).isEmpty();
        assertThat(server.clientCount()).isEqualTo(before);
    }

    @Test
    void createWhenNotJsonThen400AndNothingIsStored() {
        Reply reply = client.postForm("/auth/clients", form("client_id", "form.app"), "Authorization", bearer(admin));

        assertError(reply, 400, "invalid_request");
        assertThat(stored("form.app")).isEmpty();
    }

    @Test
    void createWhenIdIsTooLongThen400AndNothingIsStored() {
        String id = "x".repeat(256);

        Reply reply = asAdmin("POST", "/auth/clients", "{\"client_id\":\"" + id + "\"}");

        assertError(reply, 400, "invalid_request");
        assertThat(stored(id)).isEmpty();
    }

    @Test
    void everyOperationWhenNoTokenThen401AndWhenNoAuthorityThen403AndNothingChanges() {
        register("{\"client_id\":\"guarded.app\",\"grant_types\":[\"client_credentials\"]}");
        server.linkAccount("google", "guarded-subject", "jane");
        Client before = stored("guarded.app").orElseThrow();
        String[][] calls = {
            {"GET", "/auth/clients", null},
            {"POST", "/auth/clients", "{\"client_id\":\"intruder.app\"}"},
            {"GET", "/auth/clients/guarded.app", null},
            {"PUT", "/auth/clients/guarded.app", "{\"scopes\":[\"admin\"]}"},
            {"DELETE", "/auth/clients/guarded.app", null},
            {"POST", "/auth/clients/guarded.app/secret", "{\"grace_period\":60}"},
            {"GET", "/auth/users/jane/links", null},
            {"DELETE", "/auth/users/jane/links/google/guarded-subject", null},
        };
        for (String[] call : calls) {
            byte[] body = call[2] == null ? null : call[2].getBytes(StandardCharsets.UTF_8);
            String type = call[2] == null ? null : "application/json";

            Reply anonymous = client.send(call[0], call[1], type, body);
            Reply user = client.send(call[0], call[1], type, body, "Authorization", bearer(userToken));

            assertThat(anonymous.status()).as(call[0] + " " + call[1]).isEqualTo(401);
            assertThat(anonymous.header("WWW-Authenticate")).isPresent();
            assertError(user, 403, "insufficient_scope");
        }
        assertThat(stored("guarded.app")).contains(before);
        assertThat(stored("intruder.app")).isEmpty();
        assertThat(server.accountLinks("jane")).anyMatch(link -> link.thirdPartySubject().subject().equals("guarded-subject"));
    }

    @Test
    void listWhenPagedThenEveryClientOnceInIdOrderWithoutSecrets() {
        for (String id : List.of("page.c", "page.a", "page.b")) {
            register("{\"client_id\":\"" + id + "\",\"grant_types\":[\"client_credentials\"]}");
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = asAdmin("GET", "/auth/clients?size=2" + (after == null ? "" : "&after=" + after), null).json();
            page.get("clients").forEach(item -> seen.add(item.get("client_id").asText()));
            after = page.get("next_after").isNull() ? null : page.get("next_after").asText();
        } while (after != null);

        assertThat(seen).isSorted().doesNotHaveDuplicates().contains("page.a", "page.b", "page.c",
                TokenServerExtension.ADMIN_CLIENT_ID, "web.app");
        assertThat(seen).hasSize((int) server.clientCount());
    }

    @Test
    void updateWhenLifetimeAndIssuancePolicyChangedThenTheTokenEndpointFollowsThem() {
        String secret = register("{\"client_id\":\"policy.app\",\"grant_types\":[\"client_credentials\"]}")
                .get("client_secret").asText();
        String first = clientCredentials("policy.app", secret).json().get("access_token").asText();

        Reply updated = asAdmin("PUT", "/auth/clients/policy.app", "{\"grant_types\":[\"client_credentials\"],"
                + "\"access_token_ttl\":120,\"issuance_policy\":\"REPLACE_PREVIOUS\"}");
        Reply second = clientCredentials("policy.app", secret);

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("access_token_ttl").asLong()).isEqualTo(120);
        assertThat(updated.json().get("issuance_policy").asText()).isEqualTo("REPLACE_PREVIOUS");
        assertThat(second.json().get("expires_in").asLong()).isEqualTo(120);
        assertThat(liveTokensOf("policy.app")).isEqualTo(1);
        assertThat(asAdmin("GET", "/auth/tokens?filter_client_id=policy.app", null).body()).doesNotContain(first);
    }

    @Test
    void updateWhenBodyIsBadThen400AndTheClientIsUnchanged() {
        register("{\"client_id\":\"steady.app\",\"grant_types\":[\"client_credentials\"],\"scopes\":[\"read\"]}");
        Client before = stored("steady.app").orElseThrow();

        for (String body : List.of("{\"scopes\":[\"read\"],\"default_scopes\":[\"write\"]}",
                "{\"client_id\":\"other.app\"}", "{\"confidential\":false}", "{\"issuance_policy\":\"SOMETIMES\"}",
                "{\"access_token_ttl\":\"an hour\"}", "not json")) {
            assertError(asAdmin("PUT", "/auth/clients/steady.app", body), 400, "invalid_request");
        }
        assertThat(stored("steady.app")).contains(before);
    }

    @Test
    void updateWhenUnknownThen404AndNothingIsStored() {
        Reply reply = asAdmin("PUT", "/auth/clients/ghost.app", "{\"grant_types\":[\"client_credentials\"]}");

        assertError(reply, 404, "not_found");
        assertThat(stored("ghost.app")).isEmpty();
    }

    @Test
    void rotateWhenGracePeriodThenBothSecretsWorkUntilItEnds() {
        String old = register("{\"client_id\":\"graceful.app\",\"grant_types\":[\"client_credentials\"]}")
                .get("client_secret").asText();
        Instant before = Instant.now();

        JsonNode rotated = asAdmin("POST", "/auth/clients/graceful.app/secret", "{\"grace_period\":3600}").json();
        String fresh = rotated.get("client_secret").asText();

        assertThat(fresh).isNotEqualTo(old).matches("[A-Za-z0-9_-]{43}");
        assertThat(rotated.get("client").get("retired_secret_expires_at").asLong())
                .isBetween(before.plusSeconds(3600).getEpochSecond(), Instant.now().plusSeconds(3600).getEpochSecond());
        assertThat(clientCredentials("graceful.app", old).status()).isEqualTo(200);
        assertThat(clientCredentials("graceful.app", fresh).status()).isEqualTo(200);
        assertThat(asAdmin("GET", "/auth/clients/graceful.app", null).body()).doesNotContain(fresh);
    }

    @Test
    void rotateWhenShortGracePeriodThenTheOldSecretIsRefusedOnceItEnds() throws InterruptedException {
        String old = register("{\"client_id\":\"brief.app\",\"grant_types\":[\"client_credentials\"]}")
                .get("client_secret").asText();

        String fresh = asAdmin("POST", "/auth/clients/brief.app/secret", "{\"grace_period\":1}").json()
                .get("client_secret").asText();

        // Polled until a deadline far beyond the grace period; nothing asserts how soon.
        Instant deadline = Instant.now().plus(MARGIN);
        while (clientCredentials("brief.app", old).status() == 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertError(clientCredentials("brief.app", old), 401, "invalid_client");
        assertThat(clientCredentials("brief.app", fresh).status()).isEqualTo(200);
    }

    @Test
    void rotateWhenNoGracePeriodThenThisServerRefusesTheOldSecretAtOnce() {
        String old = register("{\"client_id\":\"abrupt.app\",\"grant_types\":[\"client_credentials\"]}")
                .get("client_secret").asText();
        // The old secret is now in this server's client cache.
        assertThat(clientCredentials("abrupt.app", old).status()).isEqualTo(200);

        Reply rotated = asAdmin("POST", "/auth/clients/abrupt.app/secret", null);

        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertThat(rotated.json().get("client").get("retired_secret_expires_at").isNull()).isTrue();
        assertError(clientCredentials("abrupt.app", old), 401, "invalid_client");
        assertThat(clientCredentials("abrupt.app", rotated.json().get("client_secret").asText()).status())
                .isEqualTo(200);
    }

    @Test
    void rotateWhenBadInputThen400AndTheSecretIsUnchanged() {
        String secret = register("{\"client_id\":\"kept.app\",\"grant_types\":[\"client_credentials\"]}")
                .get("client_secret").asText();
        Client before = stored("kept.app").orElseThrow();

        for (String body : List.of("{\"grace_period\":-1}", "{\"grace_period\":2592001}", "{\"grace\":60}", "[1]")) {
            assertError(asAdmin("POST", "/auth/clients/kept.app/secret", body), 400, "invalid_request");
        }
        assertError(asAdmin("POST", "/auth/clients/web.app/secret", null), 400, "invalid_request");

        assertThat(stored("kept.app")).contains(before);
        assertThat(clientCredentials("kept.app", secret).status()).isEqualTo(200);
    }

    @Test
    void deleteWhenRegisteredThenItsTokensAreRevokedAndItsSecretRefused() {
        String secret = register("{\"client_id\":\"doomed.app\",\"grant_types\":[\"client_credentials\"]}")
                .get("client_secret").asText();
        String token = clientCredentials("doomed.app", secret).json().get("access_token").asText();
        assertThat(liveTokensOf("doomed.app")).isEqualTo(1);

        Reply deleted = asAdmin("DELETE", "/auth/clients/doomed.app", null);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(liveTokensOf("doomed.app")).isZero();
        assertThat(stored("doomed.app")).isEmpty();
        assertError(clientCredentials("doomed.app", secret), 401, "invalid_client");
        assertError(client.get("/auth/tokens", "Authorization", bearer(token)), 401, "invalid_token");
        assertError(asAdmin("GET", "/auth/clients/doomed.app", null), 404, "not_found");
        assertError(asAdmin("DELETE", "/auth/clients/doomed.app", null), 404, "not_found");
    }

    @Test
    void clientIdWithASlashWhenPercentEncodedThenMatchedLiterally() {
        register("{\"client_id\":\"team/app\",\"grant_types\":[\"client_credentials\"]}");

        Reply reply = asAdmin("GET", "/auth/clients/team%2Fapp", null);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("client_id").asText()).isEqualTo("team/app");
    }

    @Test
    void wrongMethodThen405WithAllow() {
        Reply reply = asAdmin("PATCH", "/auth/clients/web.app", "{}");

        assertError(reply, 405, "method_not_allowed");
        assertThat(reply.header("Allow")).contains("GET, PUT, DELETE");
    }

    @Test
    void accountLinksWhenListedAndUnlinkedThenOnlyTheUsersOwnLinkIsRemoved() {
        server.registerUser("sam@example.com", PASSWORD);
        server.registerUser("kim", PASSWORD);
        server.linkAccount("google", "sam-google", "sam@example.com");
        server.linkAccount("facebook", "sam/facebook", "sam@example.com");
        server.linkAccount("google", "kim-google", "kim");

        JsonNode links = asAdmin("GET", "/auth/users/sam%40example.com/links", null).json().get("links");
        Reply foreign = asAdmin("DELETE", "/auth/users/sam%40example.com/links/google/kim-google", null);
        Reply unlinked = asAdmin("DELETE", "/auth/users/sam%40example.com/links/facebook/sam%2Ffacebook", null);

        assertThat(StreamSupport.stream(links.spliterator(), false).map(link -> link.get("provider").asText()
                + ":" + link.get("subject").asText())).containsExactly("facebook:sam/facebook", "google:sam-google");
        assertError(foreign, 404, "not_found");
        assertThat(server.accountLinks("kim")).hasSize(1);
        assertThat(unlinked.status()).isEqualTo(204);
        assertThat(server.accountLinks("sam@example.com")).extracting(link -> link.thirdPartySubject().subject())
                .containsExactly("sam-google");
    }
}
