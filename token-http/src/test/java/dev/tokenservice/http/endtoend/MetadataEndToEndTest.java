package dev.tokenservice.http.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenservice.http.json.JsonMappers;
import dev.tokenservice.http.endtoend.WireClient.Reply;
import dev.tokenservice.http.testing.TokenServerExtension;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Authorization server metadata (RFC 8414) and the OpenAPI document over a real socket, with default settings. */
class MetadataEndToEndTest {
    @RegisterExtension
    static final TokenServerExtension server = new TokenServerExtension();

    private static Reply get(String path) {
        return new WireClient(server.baseUri()).get(path);
    }

    @Test
    void metadataWhenDefaultsThenLocalIssuerEndpointsGrantsAndMethods() {
        String issuer = "http://localhost:" + server.baseUri().getPort();

        Reply reply = get("/.well-known/oauth-authorization-server");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).contains("application/json");
        JsonNode json = reply.json();
        assertThat(json.get("issuer").asText()).isEqualTo(issuer);
        assertThat(json.get("token_endpoint").asText()).isEqualTo(issuer + "/oauth/token");
        assertThat(json.get("revocation_endpoint").asText()).isEqualTo(issuer + "/oauth/revoke");
        assertThat(json.get("introspection_endpoint").asText()).isEqualTo(issuer + "/oauth/introspect");
        assertThat(json.get("grant_types_supported")).extracting(JsonNode::asText)
                .containsExactly("client_credentials", "password", "refresh_token");
        assertThat(json.get("response_types_supported")).isEmpty();
        assertThat(json.get("token_endpoint_auth_methods_supported")).extracting(JsonNode::asText)
                .containsExactly("client_secret_basic", "client_secret_post", "none");
        assertThat(json.get("revocation_endpoint_auth_methods_supported")).extracting(JsonNode::asText)
                .containsExactly("client_secret_basic", "client_secret_post", "none");
        assertThat(json.get("introspection_endpoint_auth_methods_supported")).extracting(JsonNode::asText)
                .containsExactly("client_secret_basic", "client_secret_post");
        assertThat(json.has("scopes_supported")).isFalse();
        assertThat(json.get("service_documentation").asText()).isEqualTo(issuer + "/openapi.json");
    }

    @Test
    void metadataWhenPostedThen405AllowingGet() {
        Reply reply = new WireClient(server.baseUri()).postForm("/.well-known/oauth-authorization-server", "");

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).contains("GET");
    }

    @Test
    void openApiWhenFetchedThenTheRepositoryDocumentWithTheIssuerAsServer() throws IOException {
        JsonNode repository;
        try (InputStream in = getClass().getResourceAsStream("/dev/tokenservice/http/openapi.json")) {
            repository = JsonMappers.create().readTree(in);
        }

        Reply reply = get("/openapi.json");

        assertThat(reply.status()).isEqualTo(200);
        ObjectNode served = (ObjectNode) reply.json();
        assertThat(served.get("servers").get(0).get("url").asText())
                .isEqualTo("http://localhost:" + server.baseUri().getPort());
        served.remove("servers");
        assertThat(served).isEqualTo(repository);
    }
}
