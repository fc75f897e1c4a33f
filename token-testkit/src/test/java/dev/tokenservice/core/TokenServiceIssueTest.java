package dev.tokenservice.core;

import static dev.tokenservice.core.OAuthFailures.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientAuthentication;
import dev.tokenservice.core.model.ClientSecret;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.port.TokenEventListener.AuthenticationFailed;
import dev.tokenservice.testkit.InMemoryPorts;
import dev.tokenservice.testkit.TestClients;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@link TokenService#issue} checks before any grant strategy runs: the client, then the grant type. */
class TokenServiceIssueTest {
    private final Client client = TestClients.confidential().build();
    private final InMemoryPorts ports = new InMemoryPorts().with(client);
    private final TokenService service = ports.core().tokenService();

    @Test
    void issueWhenClientAuthenticatesWithBasicThenIssues() {
        TokenRequest request = new TokenRequest(GrantType.CLIENT_CREDENTIALS,
                ClientAuthentication.basic(client.clientId(), ClientSecret.of(TestClients.SECRET)), Map.of());

        TokenResponse response = service.issue(request);

        assertThat(service.verifyAccessToken(response.accessToken())).isPresent();
    }

    @Test
    void issueWhenClientAuthenticatesInTheBodyThenIssues() {
        TokenRequest request = new TokenRequest(GrantType.CLIENT_CREDENTIALS,
                ClientAuthentication.post(client.clientId(), ClientSecret.of(TestClients.SECRET)), Map.of());

        TokenResponse response = service.issue(request);

        assertThat(service.verifyAccessToken(response.accessToken())).isPresent();
    }

    @Test
    void issueWhenClientSecretIsWrongThenInvalidClient() {
        TokenRequest request = new TokenRequest(GrantType.CLIENT_CREDENTIALS,
                ClientAuthentication.post(client.clientId(), ClientSecret.of("wrong")), Map.of());

        OAuthError error = errorOf(() -> service.issue(request));

        assertThat(error).isEqualTo(OAuthError.INVALID_CLIENT);
    }

    @Test
    void issueWhenClientSecretIsWrongThenStoresNothingAndRecordsAuthenticationFailed() {
        TokenRequest request = new TokenRequest(GrantType.CLIENT_CREDENTIALS,
                ClientAuthentication.post(client.clientId(), ClientSecret.of("wrong")), Map.of());

        errorOf(() -> service.issue(request));

        assertThat(ports.tokens().size()).isZero();
        ports.events().assertHeard(AuthenticationFailed.class, 1);
    }

    @Test
    void issueWhenGrantTypeIsUnknownThenUnsupportedGrantType() {
        TokenRequest request = TokenRequests.request(GrantType.of("authorization_code"), client, Map.of());

        OAuthError error = errorOf(() -> service.issue(request));

        assertThat(error).isEqualTo(OAuthError.UNSUPPORTED_GRANT_TYPE);
    }

    @Test
    void issueWhenGrantTypeIsUnknownAndClientUnauthenticatedThenInvalidClient() {
        TokenRequest request = new TokenRequest(GrantType.of("authorization_code"),
                ClientAuthentication.post(client.clientId(), ClientSecret.of("wrong")), Map.of());

        OAuthError error = errorOf(() -> service.issue(request));

        assertThat(error).isEqualTo(OAuthError.INVALID_CLIENT);
    }

    @Test
    void issueWhenClientMayNotUseTheGrantTypeThenUnauthorizedClient() {
        Client machineOnly = client.toBuilder().grantTypes(GrantType.CLIENT_CREDENTIALS).build();
        ports.clients().save(machineOnly);
        TokenRequest request = TokenRequests.request(GrantType.PASSWORD, machineOnly,
                Map.of(TokenRequest.USERNAME, "alice", TokenRequest.PASSWORD, "alice-password"));

        OAuthError error = errorOf(() -> service.issue(request));

        assertThat(error).isEqualTo(OAuthError.UNAUTHORIZED_CLIENT);
    }

    @Test
    void grantTypesWhenNoExtensionThenListsTheBuiltInGrants() {
        assertThat(service.grantTypes())
                .containsExactlyInAnyOrder(GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD, GrantType.REFRESH_TOKEN);
    }
}
