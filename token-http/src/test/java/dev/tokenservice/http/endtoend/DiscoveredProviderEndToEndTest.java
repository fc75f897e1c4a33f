package dev.tokenservice.http.endtoend;

import static dev.tokenservice.http.endtoend.WireClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.http.endtoend.WireClient.Reply;
import dev.tokenservice.http.launcher.ServerConfig;
import dev.tokenservice.http.testing.TokenServerExtension;
import dev.tokenservice.http.thirdparty.OidcProviderStub;
import dev.tokenservice.http.thirdparty.TestKeys;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OpenID Connect providers configured the way an operator does, with {@code TOKEN_OIDC_<NAME>_ISSUER} and no JWK set
 * URL, over real sockets: the server reads each provider's discovery document for its keys, and refuses to use one
 * that names another issuer.
 */
class DiscoveredProviderEndToEndTest {
    private static final RSAKey KEY = TestKeys.named(TestKeys.RSA_A, "acme-1");
    private static final OidcProviderStub ACME = new OidcProviderStub();
    private static final OidcProviderStub IMPOSTOR = new OidcProviderStub();
    private static final String MOBILE = "mobile.app";

    @RegisterExtension
    static final TokenServerExtension server = new TokenServerExtension(config -> config.withThirdPartyProviders(
            ServerConfig.from(Map.of("TOKEN_OIDC_PROVIDERS", "acme,impostor",
                    "TOKEN_OIDC_ACME_ISSUER", ACME.issuer(), "TOKEN_OIDC_ACME_CLIENT_IDS", OidcProviderStub.CLIENT_ID,
                    "TOKEN_OIDC_IMPOSTOR_ISSUER", IMPOSTOR.issuer(),
                    "TOKEN_OIDC_IMPOSTOR_CLIENT_IDS", OidcProviderStub.CLIENT_ID), new Properties())
                    .thirdPartyProviders()));

    private static WireClient client;

    @BeforeAll
    static void register() {
        ACME.publish(KEY);
        IMPOSTOR.publish(KEY);
        // Its document names ACME as the issuer, and its own key set.
        IMPOSTOR.serveDiscovery(OidcProviderStub.discoveryDocument(ACME.issuer(), IMPOSTOR.jwksUri().toString(),
                "RS256"));
        server.registerClient(MOBILE, null, Scope.of("read"), GrantType.of("oidc:acme"), GrantType.of("oidc:impostor"));
        client = new WireClient(server.baseUri());
    }

    @AfterAll
    static void stopProviders() {
        ACME.close();
        IMPOSTOR.close();
    }

    private static String idToken(OidcProviderStub provider) {
        return OidcProviderStub.sign(KEY, provider.claims("4711", Instant.now()).build());
    }

    @Test
    void grantWhenProviderConfiguredByIssuerAloneThenItsKeysAreDiscoveredAndTheTokenIssued() {
        Reply reply = client.postForm("/oauth/token", form("grant_type", "oidc:acme", "client_id", MOBILE,
                "token", idToken(ACME)));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("access_token").asText()).isNotEmpty();
        assertThat(ACME.discoveryFetches()).isEqualTo(1);
        assertThat(ACME.keyFetches()).isEqualTo(1);
    }

    @Test
    void grantWhenDiscoveryDocumentNamesAnotherIssuerThenProviderUnavailableAndItsKeysNeverFetched() {
        Reply reply = client.postForm("/oauth/token", form("grant_type", "oidc:impostor", "client_id", MOBILE,
                "token", idToken(IMPOSTOR)));

        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        assertThat(reply.json().get("error_description").asText()).contains("another issuer");
        assertThat(IMPOSTOR.keyFetches()).isZero();
    }
}
