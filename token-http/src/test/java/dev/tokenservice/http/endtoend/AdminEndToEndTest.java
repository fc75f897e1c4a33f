package dev.tokenservice.http.endtoend;

import static dev.tokenservice.http.endtoend.WireClient.bearer;
import static dev.tokenservice.http.endtoend.WireClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.http.endtoend.WireClient.Reply;
import dev.tokenservice.http.testing.TokenServerExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The administration API over a real socket: authentication, list with filters, paging and order, get, delete. */
class AdminEndToEndTest {
    @RegisterExtension
    static final TokenServerExtension server = new TokenServerExtension();

    private static final String LIST_APP = "list.app";
    private static final String PASSWORD = "secret pw";
    private static WireClient client;
    private static String admin;

    @BeforeAll
    static void populate() {
        client = new WireClient(server.baseUri());
        for (String app : List.of(LIST_APP, "path.app", "single.app", "delete.app", "other.app")) {
            server.registerClient(app, null, Scope.of("read"), GrantType.PASSWORD, GrantType.REFRESH_TOKEN);
        }
        for (String user : List.of("alice", "bob", "carol", "dave", "erin", "frank", "ann/bo b+c@example.com")) {
            server.registerUser(user, PASSWORD);
        }
        // list.app: alice ×2, bob ×2, carol ×1
        for (String user : List.of("alice", "bob", "carol", "alice", "bob")) {
            server.passwordToken(LIST_APP, null, user, PASSWORD);
        }
        admin = server.adminToken();
    }

    private static Reply asAdmin(String method, String path) {
        return client.send(method, path, null, null, "Authorization", bearer(admin));
    }

    private static JsonNode list(String query) {
        Reply reply = asAdmin("GET", "/auth/tokens?" + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> usernames(JsonNode page) {
        return StreamSupport.stream(page.get("content").spliterator(), false).map(n -> n.get("username").asText()).toList();
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void assertAdminError(Reply reply, int status, String error) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.json().get("error").asText()).isEqualTo(error);
        assertThat(reply.body()).doesNotContain("Exception");
    }

    @Test
    void listWhenNoTokenThen401ChallengeWithoutError() {
        Reply reply = client.get("/auth/tokens");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).contains("Bearer realm=\"token-service\"");
    }

    @Test
    void listWhenTokenOnlyInTheQueryThen401ChallengeWithoutError() {
        Reply reply = client.get("/auth/tokens?access_token=" + admin);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).contains("Bearer realm=\"token-service\"");
    }

    @Test
    void listWhenUnknownTokenThen401InvalidToken() {
        Reply reply = client.get("/auth/tokens", "Authorization", bearer("bm90LWEtdG9rZW4"));

        assertAdminError(reply, 401, "invalid_token");
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value)
                .startsWith("Bearer realm=\"token-service\", error=\"invalid_token\", error_description=\""));
    }

    @Test
    void listWhenMalformedBearerThen400InvalidRequest() {
        assertAdminError(client.get("/auth/tokens", "Authorization", "Bearer not a token"), 400, "invalid_request");
    }

    @Test
    void listWhenTokenLacksAuthorityThen403InsufficientScope() {
        String userToken = server.passwordToken("other.app", null, "frank", PASSWORD);

        Reply reply = client.get("/auth/tokens", "Authorization", bearer(userToken));

        assertAdminError(reply, 403, "insufficient_scope");
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).contains("error=\"insufficient_scope\""));
    }

    @Test
    void listWhenFilteredByClientThenKnetikPageWithoutTokenValues() {
        JsonNode page = list("filter_client_id=" + LIST_APP);

        assertThat(page.fieldNames()).toIterable().containsExactly("content", "first", "last", "number",
                "number_of_elements", "size", "sort", "total_elements", "total_pages");
        assertThat(page.get("total_elements").asLong()).isEqualTo(5);
        assertThat(page.get("size").asInt()).isEqualTo(25);
        assertThat(page.get("sort").isArray()).isTrue();
        JsonNode item = page.get("content").get(0);
        assertThat(item.get("client_id").asText()).isEqualTo(LIST_APP);
        assertThat(item.has("token")).isTrue();
        assertThat(item.get("token").isNull()).isTrue();
        assertThat(item.get("token_id").asText()).isNotBlank();
        assertThat(item.get("issued_at").isIntegralNumber()).isTrue();
    }

    @Test
    void listWhenFilteredByUsernameAndClientThenOnlyThePair() {
        JsonNode page = list("filter_client_id=" + LIST_APP + "&filter_username=alice");

        assertThat(usernames(page)).containsExactly("alice", "alice");
    }

    @Test
    void listWhenFilteredByUsernameOnlyThenEveryClient() {
        JsonNode page = list("filter_username=bob");

        assertThat(page.get("total_elements").asLong()).isEqualTo(2);
    }

    @Test
    void listWhenPagedThenFirstMiddleLastAndPastTheEnd() {
        String query = "filter_client_id=" + LIST_APP + "&size=2&order=username:ASC&page=";

        JsonNode first = list(query + 1);
        JsonNode middle = list(query + 2);
        JsonNode last = list(query + 3);
        JsonNode past = list(query + 4);

        assertThat(first.get("first").asBoolean()).isTrue();
        assertThat(first.get("last").asBoolean()).isFalse();
        assertThat(first.get("number").asInt()).isEqualTo(1);
        assertThat(first.get("number_of_elements").asInt()).isEqualTo(2);
        assertThat(first.get("total_pages").asLong()).isEqualTo(3);
        assertThat(middle.get("first").asBoolean()).isFalse();
        assertThat(middle.get("last").asBoolean()).isFalse();
        assertThat(last.get("last").asBoolean()).isTrue();
        assertThat(last.get("number_of_elements").asInt()).isEqualTo(1);
        assertThat(past.get("content")).isEmpty();
        assertThat(past.get("number").asInt()).isEqualTo(4);
        assertThat(past.get("last").asBoolean()).isTrue();
        assertThat(past.get("total_elements").asLong()).isEqualTo(5);
        List<String> all = new ArrayList<>(usernames(first));
        all.addAll(usernames(middle));
        all.addAll(usernames(last));
        assertThat(all).containsExactly("alice", "alice", "bob", "bob", "carol");
    }

    @Test
    void listWhenOrderedByTwoPropertiesThenSortedAndSortEchoed() {
        JsonNode page = list("filter_client_id=" + LIST_APP + "&order=username:DESC,issued_at:ASC");

        assertThat(usernames(page)).containsExactly("carol", "bob", "bob", "alice", "alice");
        JsonNode content = page.get("content");
        assertThat(content.get(1).get("issued_at").asLong()).isLessThanOrEqualTo(content.get(2).get("issued_at").asLong());
        JsonNode sort = page.get("sort");
        assertThat(sort).hasSize(2);
        assertThat(sort.get(0).get("property").asText()).isEqualTo("username");
        assertThat(sort.get(0).get("direction").asText()).isEqualTo("DESC");
        assertThat(sort.get(0).get("descending").asBoolean()).isTrue();
        assertThat(sort.get(0).get("ignore_case").asBoolean()).isFalse();
        assertThat(sort.get(0).get("null_handling").asText()).isEqualTo("NATIVE");
        assertThat(sort.get(1).get("property").asText()).isEqualTo("issued_at");
        assertThat(sort.get(1).get("ascending").asBoolean()).isTrue();
    }

    @Test
    void listWhenSizeOutOfRangeThen400() {
        assertAdminError(asAdmin("GET", "/auth/tokens?size=0"), 400, "invalid_request");
        assertAdminError(asAdmin("GET", "/auth/tokens?size=1001"), 400, "invalid_request");
    }

    @Test
    void listWhenPageBelowOneThen400() {
        assertAdminError(asAdmin("GET", "/auth/tokens?page=0"), 400, "invalid_request");
    }

    @Test
    void listWhenOrderPropertyOutsideWhitelistThen400() {
        Reply reply = asAdmin("GET", "/auth/tokens?order=digest:ASC");

        assertAdminError(reply, 400, "invalid_request");
        assertThat(reply.json().get("error_description").asText()).contains("client_id");
    }

    @Test
    void listWhenQueryParameterRepeatedThen400() {
        assertAdminError(asAdmin("GET", "/auth/tokens?page=1&page=2"), 400, "invalid_request");
    }

    @Test
    void listWhenOddQueriesThenClientErrorOrEmptyPageNeverServerError() {
        String[] queries = {"page=999999999&size=1000", "size=-1", "page=1.5", "order=", "order=,", "order=username:",
            "order=:ASC", "filter_username=%20", "filter_client_id=%00", "order=username:ASC:DESC", "page=%FF", "size"};

        for (String query : queries) {
            Reply reply = asAdmin("GET", "/auth/tokens?" + query);

            assertThat(reply.status()).as(query).isIn(200, 400);
        }
    }

    @Test
    void getWhenPairHasLiveTokenThenShowsItsValue() {
        String value = server.passwordToken("single.app", null, "dave", PASSWORD);

        Reply reply = asAdmin("GET", "/auth/tokens/dave/single.app");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("token").asText()).isEqualTo(value);
        assertThat(reply.json().get("username").asText()).isEqualTo("dave");
        assertThat(reply.json().get("client_id").asText()).isEqualTo("single.app");
        assertThat(reply.header("Cache-Control")).contains("no-store");
    }

    @Test
    void getWhenUsernameHoldsSlashSpaceAndAtThenMatchedLiterally() {
        String username = "ann/bo b+c@example.com";
        String value = server.passwordToken("path.app", null, username, PASSWORD);

        Reply reply = asAdmin("GET", "/auth/tokens/" + encode(username) + "/path.app");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("token").asText()).isEqualTo(value);
        assertThat(reply.json().get("username").asText()).isEqualTo(username);
    }

    @Test
    void getWhenNoLiveTokenThen404() {
        assertAdminError(asAdmin("GET", "/auth/tokens/nobody/single.app"), 404, "not_found");
    }

    @Test
    void getWhenPathHasBadEncodingThen400() {
        Reply reply = client.raw(WireClient.rawRequest("GET", "/auth/tokens/%C3%28/single.app", null, null));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void deleteWhenUsernameQueryThenEveryTokenOfTheUserRevoked() {
        String refresh = client.postForm("/oauth/token", form("grant_type", "password", "client_id", "delete.app",
                "username", "erin", "password", PASSWORD)).json().get("refresh_token").asText();
        server.passwordToken("other.app", null, "erin", PASSWORD);

        Reply reply = asAdmin("DELETE", "/auth/tokens?username=erin");

        assertThat(reply.status()).isEqualTo(204);
        assertThat(list("filter_username=erin").get("total_elements").asLong()).isZero();
        Reply refreshed = client.postForm("/oauth/token",
                form("grant_type", "refresh_token", "client_id", "delete.app", "refresh_token", refresh));
        assertThat(refreshed.json().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void deleteWhenClientIdQueryThenEveryTokenOfTheClientRevoked() {
        server.registerClient("gone.app", null, Scope.of("read"), GrantType.PASSWORD);
        server.passwordToken("gone.app", null, "frank", PASSWORD);

        assertThat(asAdmin("DELETE", "/auth/tokens?client_id=gone.app").status()).isEqualTo(204);

        assertThat(list("filter_client_id=gone.app").get("total_elements").asLong()).isZero();
    }

    @Test
    void deleteWhenPairQueryThenOnlyThePair() {
        server.registerClient("pair.app", null, Scope.of("read"), GrantType.PASSWORD);
        server.passwordToken("pair.app", null, "frank", PASSWORD);
        server.passwordToken("pair.app", null, "dave", PASSWORD);

        assertThat(asAdmin("DELETE", "/auth/tokens?username=frank&client_id=pair.app").status()).isEqualTo(204);

        assertThat(usernames(list("filter_client_id=pair.app"))).containsExactly("dave");
    }

    @Test
    void deleteWhenNeitherUsernameNorClientThen400() {
        assertAdminError(asAdmin("DELETE", "/auth/tokens"), 400, "invalid_request");
    }

    @Test
    void deleteWhenEarlierPairPathThenPairRevoked() {
        server.registerClient("legacy.app", null, Scope.of("read"), GrantType.PASSWORD);
        server.passwordToken("legacy.app", null, "carol", PASSWORD);

        assertThat(asAdmin("DELETE", "/auth/tokens/carol/legacy.app").status()).isEqualTo(204);

        assertThat(list("filter_client_id=legacy.app").get("total_elements").asLong()).isZero();
    }

    @Test
    void deleteWhenEarlierUserPathThenUserRevoked() {
        server.registerUser("gina", PASSWORD);
        server.passwordToken("other.app", null, "gina", PASSWORD);

        assertThat(asAdmin("DELETE", "/auth/tokens/gina").status()).isEqualTo(204);

        assertThat(list("filter_username=gina").get("total_elements").asLong()).isZero();
    }

    @Test
    void deleteWhenNotAdminThenNothingRevoked() {
        String userToken = server.passwordToken("other.app", null, "frank", PASSWORD);
        long before = list("filter_client_id=" + LIST_APP).get("total_elements").asLong();

        Reply reply = client.delete("/auth/tokens?client_id=" + LIST_APP, "Authorization", bearer(userToken));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(list("filter_client_id=" + LIST_APP).get("total_elements").asLong()).isEqualTo(before);
    }

    @Test
    void otherMethodsThen405WithAllow() {
        Reply put = asAdmin("PUT", "/auth/tokens");
        Reply getUser = asAdmin("GET", "/auth/tokens/alice");
        Reply post = asAdmin("POST", "/auth/tokens/alice/list.app");

        assertThat(put.status()).isEqualTo(405);
        assertThat(put.header("Allow")).contains("GET, DELETE");
        assertThat(getUser.status()).isEqualTo(405);
        assertThat(getUser.header("Allow")).contains("DELETE");
        assertThat(post.status()).isEqualTo(405);
    }

    @Test
    void unknownPathsThen404Json() {
        assertAdminError(client.get("/nothing/here"), 404, "not_found");
        assertAdminError(asAdmin("GET", "/auth/tokens/a/b/c"), 404, "not_found");
        assertAdminError(client.send("POST", "/oauth/tokens", WireClient.FORM, new byte[0]), 404, "not_found");
    }

    @Test
    void healthWhenDatabaseUpThenUp() {
        Reply reply = client.get("/healthz");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asText()).isEqualTo("UP");
        assertThat(client.send("POST", "/healthz", WireClient.FORM, new byte[0]).status()).isEqualTo(405);
    }
}
