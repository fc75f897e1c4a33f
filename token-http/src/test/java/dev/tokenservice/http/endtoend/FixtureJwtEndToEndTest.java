package dev.tokenservice.http.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.http.testing.TestTokenServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test server issues JWT access tokens that a resource server's own verifier accepts from its key set. */
class FixtureJwtEndToEndTest {
    private TestTokenServer server;

    @BeforeEach
    void start() {
        server = TestTokenServer.builder().jwt().start();
        server.registerClient("orders.api", "api-secret", Scope.of("orders:read"), GrantType.CLIENT_CREDENTIALS);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void jwtWhenTokenIssuedThenVerifiedOfflineAgainstTheFixturesKeySet() throws Exception {
        String token = server.clientCredentialsToken("orders.api", "api-secret");

        JWTClaimsSet claims = resourceServerVerifier().process(token, null);

        assertThat(claims.getIssuer()).isEqualTo(server.issuer());
        assertThat(claims.getSubject()).isEqualTo("orders.api");
        assertThat(claims.getStringClaim("client_id")).isEqualTo("orders.api");
        assertThat(claims.getStringClaim("scope")).isEqualTo("orders:read");
    }

    @Test
    void jwtWhenTokenRevokedThenIntrospectionSaysInactive() throws Exception {
        String token = server.clientCredentialsToken("orders.api", "api-secret");
        WireClient wire = new WireClient(server.baseUri());

        String credentials = WireClient.basic("orders.api", "api-secret");
        wire.postForm("/oauth/revoke", WireClient.form("token", token), "Authorization", credentials);

        assertThat(wire.postForm("/oauth/introspect", WireClient.form("token", token), "Authorization", credentials)
                .json().get("active").asBoolean()).isFalse();
    }

    /** What a resource server configures: the key set URL, ES256, and the RFC 9068 type. */
    private DefaultJWTProcessor<SecurityContext> resourceServerVerifier() throws Exception {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(server.jwksUri().toURL()).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
        return processor;
    }
}
