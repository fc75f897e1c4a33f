package dev.tokenservice.http.endtoend;

import static dev.tokenservice.http.endtoend.WireClient.basic;
import static dev.tokenservice.http.endtoend.WireClient.bearer;
import static dev.tokenservice.http.endtoend.WireClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.http.endtoend.WireClient.Reply;
import dev.tokenservice.http.testing.TokenServerExtension;
import dev.tokenservice.http.web.FormDecoder;
import dev.tokenservice.http.discovery.OpenApiDialect;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The live server against the OpenAPI 3.1 document it serves at {@code /openapi.json}, judged by the networknt JSON
 * Schema validator (JSON Schema 2020-12 with the OpenAPI 3.1 dialect). Every operation the document lists is called,
 * through scenarios keyed by its {@code operationId} (a documented operation without one fails); each answer's status
 * must be documented for the operation, its body must validate against the documented schema of its media type (or
 * be empty when none is documented), its documented headers must be present when required and valid, and the form
 * bodies the scenarios send must validate against the documented request schema.
 */
class OpenApiConformanceTest {
    @RegisterExtension
    static final TokenServerExtension server = new TokenServerExtension();

    /** Where the validator files the fetched document; references inside it resolve against this IRI. */
    private static final String DOCUMENT_IRI = "https://token-service.test/openapi.json";
    private static final String FORM = WireClient.FORM;
    private static final String JSON = "application/json";
    private static final String MACHINE = "reporting.service";
    private static final String MACHINE_SECRET = "m4chine-secret";
    private static final String WEB = "web.app";
    private static final String RESOURCE_SERVER = "orders.api";
    private static final String RESOURCE_SECRET = "orders-secret";
    private static final String PASSWORD = "pa ss+word";

    private static WireClient client;
    private static JsonNode document;
    private static SchemaRegistry registry;
    private static String admin;
    private static String userAccessToken;
    private static String userRefreshToken;
    private static String refreshTokenToRotate;

    /** One call of an operation and the status it must produce. */
    private record Scenario(String name, String method, String path, String contentType, String body, int status,
            String... headers) { }

    @BeforeAll
    static void setUp() {
        client = new WireClient(server.baseUri());
        server.registerClient(Client.builder(MACHINE).secretHash(TokenServerExtension.hashSecret(MACHINE_SECRET))
                .grantTypes(GrantType.CLIENT_CREDENTIALS).allowedScopes(Scope.of("read")).build());
        server.registerClient(WEB, null, Scope.of("read", "write"), GrantType.PASSWORD, GrantType.REFRESH_TOKEN);
        server.registerClient(Client.builder(RESOURCE_SERVER).secretHash(TokenServerExtension.hashSecret(RESOURCE_SECRET))
                .grantTypes(GrantType.CLIENT_CREDENTIALS).authorities(Authority.TOKENS_ADMIN).build());
        for (String user : List.of("jane", "dave", "erin", "frank")) {
            server.registerUser(user, PASSWORD);
        }
        for (String clientId : List.of("updatable", "doomed", "rotating")) {
            server.registerClient(clientId, "s3cret-of-" + clientId, Scope.of("read"), GrantType.CLIENT_CREDENTIALS);
        }
        server.linkAccount("google", "110169484474386276334", "jane");
        server.linkAccount("facebook", "10158", "jane");
        admin = server.adminToken();
        JsonNode login = client.postForm("/oauth/token",
                form("grant_type", "password", "client_id", WEB, "username", "jane", "password", PASSWORD)).json();
        userAccessToken = login.get("access_token").asText();
        userRefreshToken = login.get("refresh_token").asText();
        refreshTokenToRotate = client.postForm("/oauth/token",
                form("grant_type", "password", "client_id", WEB, "username", "jane", "password", PASSWORD))
                .json().get("refresh_token").asText();
        for (String user : List.of("dave", "erin", "frank")) {
            server.passwordToken(WEB, null, user, PASSWORD);
        }

        Reply served = client.get("/openapi.json");
        assertThat(served.status()).isEqualTo(200);
        document = served.json();
        registry = SchemaRegistry.withDefaultDialect(OpenApiDialect.withDocumentFields(), builder -> builder
                .schemas(Map.of(DOCUMENT_IRI, served.body()))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    private static Scenario post(String name, String path, String body, int status, String... headers) {
        return new Scenario(name, "POST", path, FORM, body, status, headers);
    }

    private static Scenario json(String name, String method, String path, String body, int status, String... headers) {
        return new Scenario(name, method, path, JSON, body, status, headers);
    }

    private static Scenario call(String name, String method, String path, int status, String... headers) {
        return new Scenario(name, method, path, null, null, status, headers);
    }

    /** The calls made of each operation, by {@code operationId}. */
    private static Map<String, List<Scenario>> scenarios() {
        String machineBasic = basic(MACHINE, MACHINE_SECRET);
        String resourceBasic = basic(RESOURCE_SERVER, RESOURCE_SECRET);
        String asAdmin = bearer(admin);
        String clientCredentials = form("grant_type", "client_credentials");
        Map<String, List<Scenario>> all = new LinkedHashMap<>();
        for (String[] endpoint : new String[][] {{"getOAuthToken", "/oauth/token"}, {"generateToken", "/token"},
                {"generateTokenApiV2", "/api/v2/token"}}) {
            String path = endpoint[1];
            all.put(endpoint[0], List.of(
                    post("client_credentials with Basic", path, form("grant_type", "client_credentials", "scope", "read"),
                            200, "Authorization", machineBasic),
                    post("password for a public client", path, form("grant_type", "password", "client_id", WEB,
                            "username", "jane", "password", PASSWORD, "scope", "read"), 200),
                    post("client_credentials with the secret in the body", path, form("grant_type", "client_credentials",
                            "client_id", MACHINE, "client_secret", MACHINE_SECRET), 200),
                    post("wrong secret with Basic", path, clientCredentials, 401, "Authorization", basic(MACHINE, "x")),
                    post("wrong password", path, form("grant_type", "password", "client_id", WEB, "username", "jane",
                            "password", "wrong"), 400),
                    post("unsupported grant", path, form("grant_type", "urn:example:none", "client_id", WEB), 400),
                    post("body too large", path, form("grant_type", "password", "client_id", WEB,
                            "padding", "x".repeat(70_000)), 413)));
        }
        all.put("revokeToken", List.of(
                post("own token", "/oauth/revoke", form("token", server.clientCredentialsToken(MACHINE, MACHINE_SECRET)),
                        200, "Authorization", machineBasic),
                post("unknown token by a public client", "/oauth/revoke", form("token", "bm90LWEtdG9rZW4",
                        "token_type_hint", "access_token", "client_id", WEB), 200),
                post("token of another client", "/oauth/revoke", form("token", userAccessToken), 400,
                        "Authorization", machineBasic),
                post("wrong secret", "/oauth/revoke", form("token", "abc"), 401, "Authorization", basic(MACHINE, "x"))));
        all.put("introspectToken", List.of(
                post("live user access token", "/oauth/introspect", form("token", userAccessToken), 200,
                        "Authorization", resourceBasic),
                post("live refresh token, secret in the body", "/oauth/introspect", form("token", userRefreshToken,
                        "client_id", RESOURCE_SERVER, "client_secret", RESOURCE_SECRET), 200),
                post("live client token, administrator's bearer token", "/oauth/introspect",
                        form("token", server.clientCredentialsToken(MACHINE, MACHINE_SECRET)), 200, "Authorization", asAdmin),
                post("unknown token", "/oauth/introspect", form("token", "bm90LWEtdG9rZW4"), 200,
                        "Authorization", resourceBasic),
                post("missing token", "/oauth/introspect", "", 400, "Authorization", resourceBasic),
                post("wrong secret", "/oauth/introspect", form("token", "abc"), 401, "Authorization",
                        basic(RESOURCE_SERVER, "x")),
                post("unknown bearer token", "/oauth/introspect", form("token", "abc"), 401,
                        "Authorization", bearer("bm90LWEtdG9rZW4")),
                post("bearer token without TOKENS_ADMIN", "/oauth/introspect", form("token", "abc"), 403,
                        "Authorization", bearer(userAccessToken))));
        all.put("getAuthorizationServerMetadata", List.of(
                call("metadata", "GET", "/.well-known/oauth-authorization-server", 200)));
        all.put("getJwks", List.of(call("keys", "GET", "/.well-known/jwks.json", 200)));
        all.put("rotateSigningKey", List.of(
                call("rotation", "POST", "/auth/signing-keys", 201, "Authorization", asAdmin),
                call("no token", "POST", "/auth/signing-keys", 401),
                call("no TOKENS_ADMIN", "POST", "/auth/signing-keys", 403, "Authorization", bearer(userAccessToken))));
        all.put("getOpenApiDocument", List.of(call("document", "GET", "/openapi.json", 200)));
        all.put("getHealth", List.of(call("up", "GET", "/healthz", 200)));
        all.put("getMetrics", List.of(
                call("scrape", "GET", "/metrics", 200, "Authorization", asAdmin),
                call("no token", "GET", "/metrics", 401),
                call("malformed header", "GET", "/metrics", 400, "Authorization", "Bearer a b"),
                call("no TOKENS_ADMIN nor METRICS_SCRAPE", "GET", "/metrics", 403,
                        "Authorization", bearer(userAccessToken))));
        all.put("getTokens", List.of(
                call("filtered, paged and ordered", "GET",
                        "/auth/tokens?filter_client_id=web.app&size=2&page=1&order=username:ASC,issued_at:DESC", 200,
                        "Authorization", asAdmin),
                call("empty page", "GET", "/auth/tokens?filter_username=nobody", 200, "Authorization", asAdmin),
                call("no token", "GET", "/auth/tokens", 401),
                call("unknown token", "GET", "/auth/tokens", 401, "Authorization", bearer("bm90LWEtdG9rZW4")),
                call("malformed header", "GET", "/auth/tokens", 400, "Authorization", "Bearer a b"),
                call("no TOKENS_ADMIN", "GET", "/auth/tokens", 403, "Authorization", bearer(userAccessToken)),
                call("size out of range", "GET", "/auth/tokens?size=0", 400, "Authorization", asAdmin)));
        all.put("getToken", List.of(
                call("live pair", "GET", "/auth/tokens/jane/web.app", 200, "Authorization", asAdmin),
                call("no live token", "GET", "/auth/tokens/nobody/web.app", 404, "Authorization", asAdmin),
                call("no token", "GET", "/auth/tokens/jane/web.app", 401)));
        all.put("deleteTokens", List.of(
                call("by username", "DELETE", "/auth/tokens?username=dave", 204, "Authorization", asAdmin),
                call("neither username nor client", "DELETE", "/auth/tokens", 400, "Authorization", asAdmin)));
        all.put("deleteUserClientTokens", List.of(
                call("pair", "DELETE", "/auth/tokens/erin/web.app", 204, "Authorization", asAdmin)));
        all.put("deleteUserTokens", List.of(
                call("user", "DELETE", "/auth/tokens/frank", 204, "Authorization", asAdmin),
                call("no TOKENS_ADMIN", "DELETE", "/auth/tokens/frank", 403, "Authorization", bearer(userAccessToken))));
        String registration = "{\"client_id\":\"billing.service\",\"grant_types\":[\"client_credentials\"],"
                + "\"scopes\":[\"read\",\"write\"],\"default_scopes\":[\"read\"],\"access_token_ttl\":600,"
                + "\"issuance_policy\":\"REPLACE_PREVIOUS\"}";
        all.put("getClients", List.of(
                call("first page", "GET", "/auth/clients?size=2", 200, "Authorization", asAdmin),
                call("after an id", "GET", "/auth/clients?after=doomed&size=1000", 200, "Authorization", asAdmin),
                call("size out of range", "GET", "/auth/clients?size=0", 400, "Authorization", asAdmin),
                call("no token", "GET", "/auth/clients", 401),
                call("no TOKENS_ADMIN", "GET", "/auth/clients", 403, "Authorization", bearer(userAccessToken))));
        all.put("createClient", List.of(
                json("confidential client", "POST", "/auth/clients", registration, 201, "Authorization", asAdmin),
                json("public client", "POST", "/auth/clients", "{\"client_id\":\"spa.app\",\"confidential\":false,"
                        + "\"grant_types\":[\"password\",\"refresh_token\"]}", 201, "Authorization", asAdmin),
                json("id taken", "POST", "/auth/clients", "{\"client_id\":\"" + MACHINE + "\"}", 409,
                        "Authorization", asAdmin),
                json("unknown field", "POST", "/auth/clients", "{\"client_id\":\"x\",\"secret\":\"mine\"}", 400,
                        "Authorization", asAdmin),
                json("body too large", "POST", "/auth/clients", "{\"client_id\":\"" + "x".repeat(70_000) + "\"}", 413,
                        "Authorization", asAdmin),
                json("no token", "POST", "/auth/clients", registration, 401),
                json("no TOKENS_ADMIN", "POST", "/auth/clients", registration, 403,
                        "Authorization", bearer(userAccessToken))));
        all.put("getClient", List.of(
                call("registered", "GET", "/auth/clients/" + MACHINE, 200, "Authorization", asAdmin),
                call("unknown", "GET", "/auth/clients/nobody", 404, "Authorization", asAdmin),
                call("no token", "GET", "/auth/clients/" + MACHINE, 401)));
        all.put("updateClient", List.of(
                json("new settings", "PUT", "/auth/clients/updatable", "{\"grant_types\":[\"client_credentials\"],"
                        + "\"scopes\":[\"read\"],\"refresh_token_ttl\":86400,\"issuance_policy\":\"NEW_PER_REQUEST\"}",
                        200, "Authorization", asAdmin),
                json("unknown", "PUT", "/auth/clients/nobody", "{}", 404, "Authorization", asAdmin),
                json("unknown issuance policy", "PUT", "/auth/clients/updatable",
                        "{\"issuance_policy\":\"ONE_FOR_ALL\"}", 400, "Authorization", asAdmin)));
        all.put("deleteClient", List.of(
                call("registered", "DELETE", "/auth/clients/doomed", 204, "Authorization", asAdmin),
                call("unknown", "DELETE", "/auth/clients/doomed", 404, "Authorization", asAdmin)));
        all.put("rotateClientSecret", List.of(
                json("with a grace period", "POST", "/auth/clients/rotating/secret", "{\"grace_period\":3600}", 200,
                        "Authorization", asAdmin),
                call("without a body", "POST", "/auth/clients/rotating/secret", 200, "Authorization", asAdmin),
                call("public client", "POST", "/auth/clients/" + WEB + "/secret", 400, "Authorization", asAdmin),
                call("unknown", "POST", "/auth/clients/nobody/secret", 404, "Authorization", asAdmin)));
        all.put("getAccountLinks", List.of(
                call("two links", "GET", "/auth/users/jane/links", 200, "Authorization", asAdmin),
                call("none", "GET", "/auth/users/nobody/links", 200, "Authorization", asAdmin),
                call("no token", "GET", "/auth/users/jane/links", 401)));
        all.put("deleteAccountLink", List.of(
                call("linked", "DELETE", "/auth/users/jane/links/facebook/10158", 204, "Authorization", asAdmin),
                call("not linked", "DELETE", "/auth/users/jane/links/facebook/10158", 404, "Authorization", asAdmin),
                call("no TOKENS_ADMIN", "DELETE", "/auth/users/jane/links/google/1", 403,
                        "Authorization", bearer(userAccessToken))));
        // A refresh that rotates: the success of the refresh_token grant, on the token endpoint's own scenarios.
        List<Scenario> token = new ArrayList<>(all.get("getOAuthToken"));
        token.add(post("refresh_token", "/oauth/token", form("grant_type", "refresh_token", "client_id", WEB,
                "refresh_token", refreshTokenToRotate), 200));
        all.put("getOAuthToken", token);
        return all;
    }

    @TestFactory
    Stream<DynamicNode> everyDocumentedOperationAnswersAsDocumented() {
        Map<String, List<Scenario>> scenarios = scenarios();
        List<DynamicNode> operations = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (!entry.getValue().has("operationId")) {
                return;
            }
            String method = entry.getKey().toUpperCase(Locale.ROOT);
            String operationId = entry.getValue().get("operationId").asText();
            String pointer = "/paths/" + escape(path.getKey()) + "/" + entry.getKey();
            List<Scenario> calls = scenarios.getOrDefault(operationId, List.of());
            List<DynamicTest> tests = calls.isEmpty()
                    ? List.of(DynamicTest.dynamicTest("has a scenario", () -> assertThat(calls)
                            .as("no scenario calls documented operation " + operationId).isNotEmpty()))
                    : calls.stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(),
                            () -> check(scenario, method, path.getKey(), pointer))).toList();
            operations.add(DynamicContainer.dynamicContainer(method + " " + path.getKey() + " (" + operationId + ")",
                    tests));
        }));
        return operations.stream();
    }

    @Test
    void scenariosWhenListedThenExactlyTheDocumentedOperations() {
        Set<String> documented = new HashSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (entry.getValue().has("operationId")) {
                documented.add(entry.getValue().get("operationId").asText());
            }
        }));

        assertThat(documented).containsExactlyInAnyOrderElementsOf(scenarios().keySet());
        assertThat(documented).contains("getOAuthToken", "getTokens", "getToken", "deleteTokens", "createClient",
                "rotateClientSecret", "getAccountLinks");
    }

    private static void check(Scenario scenario, String method, String template, String operationPointer) {
        assertThat(scenario.method()).isEqualTo(method);
        assertThat(scenario.path().split("\\?")[0]).as("path of the template " + template)
                .matches(template.replace(".", "\\.").replaceAll("\\{[^}]+}", "[^/]+"));
        byte[] body = scenario.body() == null ? null : scenario.body().getBytes(StandardCharsets.UTF_8);
        Reply reply = client.send(scenario.method(), scenario.path(), scenario.contentType(), body, scenario.headers());

        assertThat(reply.status()).as(reply.body()).isEqualTo(scenario.status());
        JsonNode responses = document.at(operationPointer + "/responses");
        String status = Integer.toString(reply.status());
        assertThat(responses.has(status)).as("status %s documented", status).isTrue();
        String responsePointer = resolve(operationPointer + "/responses/" + status);
        checkBody(reply, responsePointer);
        checkHeaders(reply, responsePointer);
        if (reply.status() < 300 && scenario.body() != null) {
            checkRequestBody(scenario, operationPointer);
        }
    }

    private static void checkBody(Reply reply, String responsePointer) {
        JsonNode content = document.at(responsePointer + "/content");
        if (content.isMissingNode()) {
            assertThat(reply.body()).as("no content documented").isEmpty();
            return;
        }
        String mediaType = reply.header("Content-Type").orElseThrow().split(";")[0].strip();
        assertThat(content.has(mediaType)).as("media type %s documented", mediaType).isTrue();
        // A text body (the Prometheus scrape) is validated as one JSON string.
        JsonNode body = mediaType.startsWith("text/") ? JsonNodeFactory.instance.textNode(reply.body()) : reply.json();
        assertValid(responsePointer + "/content/" + escape(mediaType) + "/schema", body);
    }

    private static void checkHeaders(Reply reply, String responsePointer) {
        document.at(responsePointer + "/headers").properties().forEach(entry -> {
            String headerPointer = resolve(responsePointer + "/headers/" + escape(entry.getKey()));
            boolean required = document.at(headerPointer + "/required").asBoolean(false);
            if (required) {
                assertThat(reply.header(entry.getKey())).as("required header %s", entry.getKey()).isPresent();
            }
            reply.header(entry.getKey()).ifPresent(value ->
                    assertValid(headerPointer + "/schema", JsonNodeFactory.instance.textNode(value)));
        });
    }

    private static void checkRequestBody(Scenario scenario, String operationPointer) {
        String bodyPointer = resolve(operationPointer + "/requestBody");
        if (JSON.equals(scenario.contentType())) {
            assertValid(bodyPointer + "/content/" + escape(JSON) + "/schema", WireClient.Reply.parse(scenario.body()));
            return;
        }
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        FormDecoder.decode(scenario.body().getBytes(StandardCharsets.UTF_8)).values().forEach(fields::put);
        assertValid(bodyPointer + "/content/" + escape(FORM) + "/schema", fields);
    }

    private static void assertValid(String schemaPointer, JsonNode instance) {
        assertThat(document.at(schemaPointer).isMissingNode()).as("schema at %s", schemaPointer).isFalse();
        List<Error> errors = registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + schemaPointer)).validate(instance);
        assertThat(errors).as("%s against %s", instance, schemaPointer).isEmpty();
    }

    /** Follows a {@code $ref} (RFC 6901 pointer within the document) if the node at {@code pointer} is one. */
    private static String resolve(String pointer) {
        JsonNode node = document.at(pointer);
        assertThat(node.isMissingNode()).as(pointer).isFalse();
        return node.has("$ref") ? node.get("$ref").asText().substring(1) : pointer;
    }

    /** RFC 6901 §3: {@code ~} is {@code ~0} and {@code /} is {@code ~1} in a pointer's reference token. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
