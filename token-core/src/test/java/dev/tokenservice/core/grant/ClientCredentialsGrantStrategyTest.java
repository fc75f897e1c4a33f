package dev.tokenservice.core.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientAuthentication;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.ClientSecret;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.SecretHash;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.core.policy.ScopePolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one built-in grant that needs no port; the others are tested with the testkit's fakes. */
class ClientCredentialsGrantStrategyTest {
    private final ClientCredentialsGrantStrategy strategy = new ClientCredentialsGrantStrategy(new ScopePolicy());

    private static Client.Builder machine() {
        return Client.builder("machine").grantTypes(GrantType.CLIENT_CREDENTIALS)
                .allowedScopes(Scope.parse("read write")).defaultScopes(Scope.parse("read"));
    }

    private static TokenRequest request(Map<String, String> parameters) {
        return new TokenRequest(GrantType.CLIENT_CREDENTIALS,
                ClientAuthentication.basic(ClientId.of("machine"), ClientSecret.of("s3cret")), parameters);
    }

    @Test
    void grantWhenPublicClientThenUnauthorizedClient() {
        Client client = machine().build();

        assertThatExceptionOfType(OAuthException.class).isThrownBy(() -> strategy.grant(client, request(Map.of())))
                .extracting(OAuthException::error).isEqualTo(OAuthError.UNAUTHORIZED_CLIENT);
    }

    @Test
    void grantWhenConfidentialClientWithoutScopeThenClientOnlyGrantOfDefaultScopes() {
        Client client = machine().secretHash(SecretHash.of("$sha256$x")).build();

        Grant grant = strategy.grant(client, request(Map.of()));

        assertThat(grant).isEqualTo(Grant.forClient(GrantType.CLIENT_CREDENTIALS, Scope.parse("read")));
    }

    @Test
    void grantWhenScopeBeyondAllowanceThenInvalidScope() {
        Client client = machine().secretHash(SecretHash.of("$sha256$x")).build();
        TokenRequest request = request(Map.of(TokenRequest.SCOPE, "admin"));

        assertThatExceptionOfType(OAuthException.class).isThrownBy(() -> strategy.grant(client, request))
                .extracting(OAuthException::error).isEqualTo(OAuthError.INVALID_SCOPE);
    }

    @Test
    void grantTypeWhenAskedThenClientCredentials() {
        GrantStrategy grantStrategy = strategy;

        GrantType grantType = grantStrategy.grantType();

        assertThat(grantType).isEqualTo(GrantType.CLIENT_CREDENTIALS);
    }
}
