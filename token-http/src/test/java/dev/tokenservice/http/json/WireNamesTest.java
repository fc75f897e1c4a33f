package dev.tokenservice.http.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.Introspection;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.SortOrder;
import dev.tokenservice.core.model.TokenDetails;
import dev.tokenservice.core.model.TokenId;
import dev.tokenservice.core.model.TokenPage;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.model.TokenSortProperty;
import dev.tokenservice.core.model.TokenSummary;
import dev.tokenservice.core.model.TokenTypeHint;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.model.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON names of the Knetik API models, checked on the serialized tree. */
class WireNamesTest {
    private static final Instant ISSUED = Instant.parse("2030-01-01T00:00:00Z");
    private final ObjectMapper mapper = JsonMappers.create();

    private static TokenSummary summary(String username) {
        return new TokenSummary(TokenId.of("t1"), ClientId.of("web"), username == null ? null : Username.of(username),
                Scope.of("read", "write"), ISSUED, ISSUED.plusSeconds(3600));
    }

    @Test
    void tokenResponseWhenWithRefreshThenKnetikNamesAndIntegerExpiry() {
        JsonNode json = mapper.valueToTree(TokenResponseJson.from(new TokenResponse(TokenValue.of("a"),
                Duration.ofSeconds(3600), Scope.of("read"), TokenValue.of("r"))));

        assertThat(json.fieldNames()).toIterable()
                .containsExactly("access_token", "token_type", "expires_in", "scope", "refresh_token");
        assertThat(json.get("expires_in").isIntegralNumber()).isTrue();
        assertThat(json.get("token_type").asText()).isEqualTo("bearer");
    }

    @Test
    void tokenResponseWhenNoRefreshThenOmitsRefreshToken() {
        JsonNode json = mapper.valueToTree(TokenResponseJson.from(
                new TokenResponse(TokenValue.of("a"), Duration.ofSeconds(60), Scope.EMPTY, null)));

        assertThat(json.has("refresh_token")).isFalse();
    }

    @Test
    void accessTokenWhenListViewThenTokenIsExplicitNull() {
        JsonNode json = mapper.valueToTree(AccessTokenJson.from(summary(null)));

        assertThat(json.fieldNames()).toIterable().containsExactly(
                "client_id", "username", "token", "token_id", "scope", "issued_at", "expires_at");
        assertThat(json.get("token").isNull()).isTrue();
        assertThat(json.get("username").isNull()).isTrue();
        assertThat(json.get("issued_at").asLong()).isEqualTo(ISSUED.getEpochSecond());
    }

    @Test
    void accessTokenWhenSingleViewThenShowsValue() {
        JsonNode json = mapper.valueToTree(AccessTokenJson.from(new TokenDetails(summary("jane"), TokenValue.of("v"))));

        assertThat(json.get("token").asText()).isEqualTo("v");
    }

    @Test
    void pageWhenOrderedThenSortIsArrayOfOrders() {
        TokenPage page = new TokenPage(List.of(summary("jane")), 2, 1, 3,
                List.of(SortOrder.desc(TokenSortProperty.USERNAME), SortOrder.asc(TokenSortProperty.ISSUED_AT)));

        JsonNode json = mapper.valueToTree(TokenPageJson.from(page));

        assertThat(json.fieldNames()).toIterable().containsExactly("content", "first", "last", "number",
                "number_of_elements", "size", "sort", "total_elements", "total_pages");
        assertThat(json.get("sort").isArray()).isTrue();
        JsonNode order = json.get("sort").get(0);
        assertThat(order.fieldNames()).toIterable().containsExactly(
                "property", "direction", "ascending", "descending", "ignore_case", "null_handling");
        assertThat(order.get("property").asText()).isEqualTo("username");
        assertThat(order.get("direction").asText()).isEqualTo("DESC");
        assertThat(order.get("descending").asBoolean()).isTrue();
        assertThat(json.get("first").isBoolean()).isTrue();
        assertThat(json.get("first").asBoolean()).isFalse();
        assertThat(json.get("last").asBoolean()).isFalse();
        assertThat(json.get("number").asInt()).isEqualTo(2);
        assertThat(json.get("total_pages").asLong()).isEqualTo(3);
    }

    @Test
    void errorWhenSerializedThenSnakeCase() {
        JsonNode json = mapper.valueToTree(new ErrorJson("invalid_grant", "no"));

        assertThat(json.fieldNames()).toIterable().containsExactly("error", "error_description");
    }

    @Test
    void introspectionWhenInactiveThenOnlyActiveFalse() {
        JsonNode json = mapper.valueToTree(IntrospectionJson.from(Introspection.INACTIVE));

        assertThat(json.toString()).isEqualTo("{\"active\":false}");
    }

    @Test
    void introspectionWhenUserAccessTokenThenRfc7662NamesAndUsernameAsSubject() {
        JsonNode json = mapper.valueToTree(IntrospectionJson.from(new Introspection(true, TokenTypeHint.ACCESS_TOKEN,
                ClientId.of("web"), Username.of("jane"), Scope.of("write", "read"), ISSUED, ISSUED.plusSeconds(3600))));

        assertThat(json.fieldNames()).toIterable().containsExactly(
                "active", "scope", "client_id", "username", "token_type", "exp", "iat", "sub");
        assertThat(json.get("active").asBoolean()).isTrue();
        assertThat(json.get("scope").asText()).isEqualTo("read write");
        assertThat(json.get("token_type").asText()).isEqualTo("bearer");
        assertThat(json.get("exp").isIntegralNumber()).isTrue();
        assertThat(json.get("exp").asLong()).isEqualTo(ISSUED.getEpochSecond() + 3600);
        assertThat(json.get("iat").asLong()).isEqualTo(ISSUED.getEpochSecond());
        assertThat(json.get("sub").asText()).isEqualTo("jane");
    }

    @Test
    void introspectionWhenClientRefreshTokenWithoutScopeThenClientIsSubjectAndNoScopeOrUsername() {
        JsonNode json = mapper.valueToTree(IntrospectionJson.from(new Introspection(true, TokenTypeHint.REFRESH_TOKEN,
                ClientId.of("svc"), null, Scope.EMPTY, ISSUED, ISSUED.plusSeconds(60))));

        assertThat(json.fieldNames()).toIterable().containsExactly(
                "active", "client_id", "token_type", "exp", "iat", "sub");
        assertThat(json.get("token_type").asText()).isEqualTo("refresh_token");
        assertThat(json.get("sub").asText()).isEqualTo("svc");
    }

    @Test
    void metadataWhenNoScopesThenRfc8414NamesWithoutScopesSupported() {
        JsonNode json = mapper.valueToTree(new AuthorizationServerMetadataJson("https://a", "https://a/t",
                "https://a/jwks", "https://a/r",
                "https://a/i", List.of("password"), List.of(), List.of("none"), List.of("none"),
                List.of("client_secret_basic"), List.of(), "https://a/openapi.json"));

        assertThat(json.fieldNames()).toIterable().containsExactly("issuer", "token_endpoint", "jwks_uri", "revocation_endpoint",
                "introspection_endpoint", "grant_types_supported", "response_types_supported",
                "token_endpoint_auth_methods_supported", "revocation_endpoint_auth_methods_supported",
                "introspection_endpoint_auth_methods_supported", "service_documentation");
        assertThat(json.get("response_types_supported").isArray()).isTrue();
    }
}
