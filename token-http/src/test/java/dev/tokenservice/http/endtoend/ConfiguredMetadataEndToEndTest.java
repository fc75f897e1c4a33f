package dev.tokenservice.http.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenservice.http.testing.TokenServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The metadata of a server whose operator set {@code TOKEN_ISSUER} and {@code TOKEN_SCOPES_SUPPORTED}. */
class ConfiguredMetadataEndToEndTest {
    @RegisterExtension
    static final TokenServerExtension server = new TokenServerExtension(
            config -> config.withIssuer("https://auth.example.com/").withScopesSupported("orders:write orders:read"));

    @Test
    void metadataWhenIssuerAndScopesConfiguredThenAdvertisedAsConfigured() {
        JsonNode json = new WireClient(server.baseUri()).get("/.well-known/oauth-authorization-server").json();

        assertThat(json.get("issuer").asText()).isEqualTo("https://auth.example.com/");
        assertThat(json.get("token_endpoint").asText()).isEqualTo("https://auth.example.com/oauth/token");
        assertThat(json.get("scopes_supported")).extracting(JsonNode::asText)
                .containsExactly("orders:read", "orders:write");
        assertThat(json.get("service_documentation").asText()).isEqualTo("https://auth.example.com/openapi.json");
    }

    @Test
    void openApiWhenIssuerConfiguredThenItIsTheServer() {
        JsonNode json = new WireClient(server.baseUri()).get("/openapi.json").json();

        assertThat(json.get("servers").get(0).get("url").asText()).isEqualTo("https://auth.example.com/");
    }
}
