package dev.tokenservice.http.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.tokenservice.core.ClientAdministration.Registration;
import dev.tokenservice.core.model.AccountLink;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.ClientSecret;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Introspection;
import dev.tokenservice.core.model.LiveTokenLimit;
import dev.tokenservice.core.model.RetiredSecret;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.SecretHash;
import dev.tokenservice.core.model.SortOrder;
import dev.tokenservice.core.model.ThirdPartySubject;
import dev.tokenservice.core.model.TokenDetails;
import dev.tokenservice.core.model.TokenId;
import dev.tokenservice.core.model.TokenPage;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.model.TokenSortProperty;
import dev.tokenservice.core.model.TokenSummary;
import dev.tokenservice.core.model.TokenTypeHint;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.http.json.AccessTokenJson;
import dev.tokenservice.http.json.AccountLinkJson;
import dev.tokenservice.http.json.AuthorizationServerMetadataJson;
import dev.tokenservice.http.json.ClientJson;
import dev.tokenservice.http.json.ClientPageJson;
import dev.tokenservice.http.json.ClientSecretJson;
import dev.tokenservice.http.json.ErrorJson;
import dev.tokenservice.http.json.HealthJson;
import dev.tokenservice.http.json.IntrospectionJson;
import dev.tokenservice.http.json.JsonMappers;
import dev.tokenservice.http.json.OrderJson;
import dev.tokenservice.http.json.SigningKeyJson;
import dev.tokenservice.http.json.TokenPageJson;
import dev.tokenservice.http.json.TokenResponseJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document kept in the repository, checked without a server: its schemas are valid JSON Schema 2020-12,
 * every reference resolves, every path parameter is declared, operation ids are unique, and the named schemas carry
 * the Knetik API model names with exactly the wire names the JSON records write (and accept what they write).
 */
class OpenApiDocumentTest {
    private static final String DOCUMENT_IRI = "https://token-service.test/openapi.json";
    private static final Instant ISSUED = Instant.parse("2030-01-01T00:00:00Z");

    private final ObjectNode document = OpenApiServlet.document();
    private final ObjectMapper mapper = JsonMappers.create();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(OpenApiDialect.withDocumentFields(),
            builder -> builder.schemas(Map.of(DOCUMENT_IRI, document.toString())));

    private static TokenSummary summary() {
        return new TokenSummary(TokenId.of("t1"), ClientId.of("web"), Username.of("jane"), Scope.of("read"), ISSUED,
                ISSUED.plusSeconds(3600));
    }

    /** A client with every optional field present. */
    private static Client client() {
        return Client.builder("billing.service").secretHash(SecretHash.of("$sha256$abc"))
                .grantTypes(GrantType.CLIENT_CREDENTIALS).allowedScopes(Scope.of("read", "write"))
                .defaultScopes(Scope.of("read")).authorities(Authority.TOKENS_ADMIN)
                .accessTokenLifetime(Duration.ofMinutes(10)).refreshTokenLifetime(Duration.ofDays(1))
                .liveTokenLimit(LiveTokenLimit.REUSE_LIVE)
                .retiredSecret(new RetiredSecret(SecretHash.of("$sha256$old"), ISSUED)).build();
    }

    /** A full instance of each named schema's record, every optional field present. */
    private static Map<String, Object> samples() {
        Map<String, Object> samples = new HashMap<>(knetikSamples());
        samples.putAll(Map.of(
                "Client", ClientJson.from(client()),
                "ClientSecret", ClientSecretJson.from(new Registration(client(),
                        ClientSecret.of("q9Jx0r1bH7m3ZkqW0vT2c8s5LrP4yN6eA1dF9gU2iXo"))),
                "ClientPage", new ClientPageJson(List.of(ClientJson.from(client())), "billing.service"),
                "AccountLink", AccountLinkJson.from(new AccountLink(ThirdPartySubject.of("google", "1101"),
                        Username.of("jane"), ISSUED)),
                "AccountLinks", AccountLinkJson.Links.from(List.of(new AccountLink(ThirdPartySubject.of("google", "1101"),
                        Username.of("jane"), ISSUED)))));
        return samples;
    }

    private static Map<String, Object> knetikSamples() {
        return Map.of(
                "OAuth2Resource", TokenResponseJson.from(new TokenResponse(TokenValue.of("a"), Duration.ofHours(1),
                        Scope.of("read"), TokenValue.of("r"))),
                "OauthAccessTokenResource", AccessTokenJson.from(new TokenDetails(summary(), TokenValue.of("v"))),
                "PageResourceOauthAccessTokenResource", TokenPageJson.from(new TokenPage(List.of(summary()), 1, 25, 1,
                        List.of(SortOrder.desc(TokenSortProperty.ISSUED_AT)))),
                "Order", OrderJson.from(SortOrder.asc(TokenSortProperty.USERNAME)),
                "TokenIntrospection", IntrospectionJson.from(new Introspection(true, TokenTypeHint.ACCESS_TOKEN,
                        ClientId.of("web"), Username.of("jane"), Scope.of("read"), ISSUED, ISSUED.plusSeconds(60))),
                "AuthorizationServerMetadata", new AuthorizationServerMetadataJson("https://a.example",
                        "https://a.example/oauth/token", "https://a.example/.well-known/jwks.json",
                        "https://a.example/oauth/revoke",
                        "https://a.example/oauth/introspect", List.of("password"), List.of(), List.of("none"),
                        List.of("none"), List.of("client_secret_basic"), List.of("read"),
                        "https://a.example/openapi.json"),
                "OAuth2Error", new ErrorJson("invalid_grant", "no"),
                "SigningKey", new SigningKeyJson("k1", "ES256", 1_800_000_000L),
                "Health", HealthJson.UP);
    }

    @Test
    void schemasWhenNamedAfterTheKnetikModelsThenCarryExactlyTheWireNamesOfTheRecords() {
        samples().forEach((name, sample) -> {
            JsonNode written = mapper.valueToTree(sample);
            Set<String> writtenNames = new TreeSet<>();
            written.fieldNames().forEachRemaining(writtenNames::add);
            Set<String> documentedNames = new TreeSet<>();
            document.at("/components/schemas/" + name + "/properties").fieldNames()
                    .forEachRemaining(documentedNames::add);

            assertThat(documentedNames).as(name).isEqualTo(writtenNames);
            assertThat(schema("/components/schemas/" + name).validate(written)).as(name).isEmpty();
        });
    }

    @Test
    void schemasWhenAnInactiveIntrospectionOrAListViewThenStillValid() {
        assertThat(schema("/components/schemas/TokenIntrospection")
                .validate(mapper.valueToTree(IntrospectionJson.INACTIVE))).isEmpty();
        assertThat(schema("/components/schemas/OauthAccessTokenResource")
                .validate(mapper.valueToTree(AccessTokenJson.from(summary())))).isEmpty();
    }

    @Test
    void schemaWhenInactiveIntrospectionCarriesMoreThanActiveThenInvalid() {
        JsonNode leaky = mapper.createObjectNode().put("active", false).put("client_id", "web");

        assertThat(schema("/components/schemas/TokenIntrospection").validate(leaky)).isNotEmpty();
    }

    @Test
    void documentWhenCheckedThenEverySchemaIsValidJsonSchema202012() {
        Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
        List<String> checked = new ArrayList<>();

        walk(document, "", (pointer, node) -> {
            if (pointer.endsWith("/schema") || pointer.matches("/components/schemas/[^/]+")) {
                assertThat(metaSchema.validate(node)).as(pointer).isEmpty();
                checked.add(pointer);
            }
        });

        assertThat(checked).contains("/components/schemas/OAuth2Resource", "/components/schemas/Order");
        assertThat(metaSchema.validate(mapper.createObjectNode().put("type", "integr"))).isNotEmpty();
    }

    @Test
    void documentWhenCheckedThenEveryReferenceResolves() {
        List<String> references = new ArrayList<>();

        walk(document, "", (pointer, node) -> {
            if (node.has("$ref")) {
                String target = node.get("$ref").asText();
                assertThat(target).as(pointer).startsWith("#/");
                assertThat(document.at(target.substring(1)).isMissingNode()).as("%s → %s", pointer, target).isFalse();
                references.add(target);
            }
        });

        assertThat(references).contains("#/components/schemas/OauthAccessTokenResource", "#/components/schemas/Order");
    }

    @Test
    void documentWhenCheckedThenEveryPathParameterIsDeclared() {
        document.get("paths").properties().forEach(path -> {
            List<String> declared = new ArrayList<>();
            path.getValue().path("parameters").forEach(parameter -> declared.add(parameter.get("name").asText()));
            List<String> inTemplate = new ArrayList<>();
            Matcher variable = Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
            while (variable.find()) {
                inTemplate.add(variable.group(1));
            }

            assertThat(declared).as(path.getKey()).containsExactlyInAnyOrderElementsOf(inTemplate);
        });
    }

    @Test
    void documentWhenCheckedThenOpenApi31WithUniqueOperationIdsIncludingTheKnetikOnes() {
        List<String> ids = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (entry.getValue().has("operationId")) {
                ids.add(entry.getValue().get("operationId").asText());
            }
        }));

        assertThat(document.get("openapi").asText()).startsWith("3.1.");
        assertThat(ids).doesNotHaveDuplicates()
                .contains("getOAuthToken", "generateToken", "getTokens", "getToken", "deleteTokens");
    }

    @Test
    void documentWhenKeptInTheRepositoryThenNamesNoServer() {
        // The served copy names the issuer; the kept one cannot know it.
        assertThat(document.has("servers")).isFalse();
    }

    private Schema schema(String pointer) {
        return registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + pointer));
    }

    private interface Visitor {
        void visit(String pointer, JsonNode node);
    }

    private static void walk(JsonNode node, String pointer, Visitor visitor) {
        if (node.isObject()) {
            visitor.visit(pointer, node);
            node.properties().forEach(e -> walk(e.getValue(),
                    pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), visitor));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, visitor);
            }
        }
    }
}
