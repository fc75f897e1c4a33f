package dev.tokenservice.http.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenservice.http.launcher.EdgeSettings;
import dev.tokenservice.http.launcher.ServerConfig;
import dev.tokenservice.http.testing.TokenServerExtension;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code Forwarded} and {@code X-Forwarded-*} over a real socket: believed from a trusted proxy (this test connects
 * from loopback, which one server trusts), ignored from any other peer, and never over a configured issuer.
 */
class ForwardedHeadersEndToEndTest {
    private static final String METADATA = "/.well-known/oauth-authorization-server";

    @RegisterExtension
    static final TokenServerExtension behindProxy = new TokenServerExtension(trusting("127.0.0.0/8", "::1"));

    @RegisterExtension
    static final TokenServerExtension otherProxy = new TokenServerExtension(trusting("10.0.0.0/8"));

    @RegisterExtension
    static final TokenServerExtension configuredIssuer = new TokenServerExtension(
            config -> trusting("127.0.0.0/8", "::1").apply(config).withIssuer("https://id.example.com"));

    private static UnaryOperator<ServerConfig> trusting(String... proxies) {
        return config -> config.toBuilder().edge(EdgeSettings.NONE.withTrustedProxies(List.of(proxies))).build();
    }

    private static JsonNode metadata(TokenServerExtension server, String... headers) {
        return new WireClient(server.baseUri()).get(METADATA, headers).json();
    }

    @Test
    void metadataWhenTrustedProxyForwardsProtoAndHostThenUrlsUseThem() {
        JsonNode json = metadata(behindProxy, "X-Forwarded-Proto", "https", "X-Forwarded-Host", "auth.example.com");

        assertThat(json.get("issuer").asText()).isEqualTo("https://auth.example.com");
        assertThat(json.get("token_endpoint").asText()).isEqualTo("https://auth.example.com/oauth/token");
        assertThat(json.get("revocation_endpoint").asText()).isEqualTo("https://auth.example.com/oauth/revoke");
        assertThat(json.get("service_documentation").asText()).isEqualTo("https://auth.example.com/openapi.json");
    }

    @Test
    void metadataWhenTrustedProxySendsRfc7239ForwardedThenUrlsUseItWithItsPort() {
        JsonNode json = metadata(behindProxy,
                "Forwarded", "for=203.0.113.7;proto=https;host=\"login.example.org:8443\"");

        assertThat(json.get("issuer").asText()).isEqualTo("https://login.example.org:8443");
        assertThat(json.get("introspection_endpoint").asText())
                .isEqualTo("https://login.example.org:8443/oauth/introspect");
    }

    @Test
    void openApiWhenTrustedProxyForwardsThenItsBaseUrlIsTheServer() {
        JsonNode json = new WireClient(behindProxy.baseUri()).get("/openapi.json",
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "auth.example.com").json();

        assertThat(json.get("servers").get(0).get("url").asText()).isEqualTo("https://auth.example.com");
    }

    @Test
    void metadataWhenTrustedProxyForwardsNothingThenDefaultIssuer() {
        JsonNode json = metadata(behindProxy);

        assertThat(json.get("issuer").asText()).isEqualTo(behindProxy.issuer());
        assertThat(behindProxy.issuer()).startsWith("http://localhost:");
    }

    @Test
    void metadataWhenPeerIsNoTrustedProxyThenForwardedHeadersIgnored() {
        JsonNode json = metadata(otherProxy, "X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example",
                "Forwarded", "proto=https;host=evil.example");

        assertThat(json.get("issuer").asText()).isEqualTo(otherProxy.issuer()).startsWith("http://localhost:");
        assertThat(json.get("token_endpoint").asText()).isEqualTo(otherProxy.issuer() + "/oauth/token");
    }

    @Test
    void metadataWhenIssuerConfiguredThenForwardedHeadersDoNotChangeIt() {
        JsonNode json = metadata(configuredIssuer, "X-Forwarded-Proto", "http", "X-Forwarded-Host", "other.example");

        assertThat(json.get("issuer").asText()).isEqualTo("https://id.example.com");
        assertThat(json.get("token_endpoint").asText()).isEqualTo("https://id.example.com/oauth/token");
    }
}
