package dev.tokenservice.core.grant;

import static dev.tokenservice.core.OAuthFailures.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.TokenRequests;
import dev.tokenservice.core.TokenService;
import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.policy.IssuanceSettings;
import dev.tokenservice.core.policy.TokenLifetimes;
import dev.tokenservice.testkit.InMemoryPorts;
import dev.tokenservice.testkit.MutableClock;
import dev.tokenservice.testkit.TestClients;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client credentials grant through the token service, over the in-memory ports. */
class ClientCredentialsIssuanceTest {
    private final Client client = TestClients.confidential().build();
    private final InMemoryPorts ports = new InMemoryPorts().with(client);
    private final TokenService service = ports.core().tokenService();

    @Test
    void issueWhenClientAuthenticatedThenReturnsAccessTokenWithoutRefreshToken() {
        TokenResponse response = service.issue(TokenRequests.clientCredentials(client));

        assertThat(response.refreshToken()).isNull();
    }

    @Test
    void issueWhenClientMayAlsoUseRefreshGrantThenStoresNoRefreshToken() {
        Client mayRefresh = client.toBuilder().grantTypes(GrantType.CLIENT_CREDENTIALS, GrantType.REFRESH_TOKEN).build();
        ports.clients().save(mayRefresh);

        service.issue(TokenRequests.clientCredentials(client));

        assertThat(ports.tokens().refreshTokens()).isEmpty();
    }

    @Test
    void issueWhenNoScopeRequestedThenGrantsDefaultScopes() {
        TokenResponse response = service.issue(TokenRequests.clientCredentials(client));

        assertThat(response.scope()).isEqualTo(Scope.of("read"));
    }

    @Test
    void issueWhenAllowedScopeRequestedThenGrantsIt() {
        TokenResponse response = service.issue(TokenRequests.clientCredentials(client, "read write"));

        assertThat(response.scope()).isEqualTo(Scope.of("read", "write"));
    }

    @Test
    void issueWhenNoLifetimeOverrideThenExpiresInIsDefaultAccessLifetime() {
        TokenResponse response = service.issue(TokenRequests.clientCredentials(client));

        assertThat(response.expiresIn()).isEqualTo(TokenLifetimes.DEFAULT.accessToken());
    }

    @Test
    void issueWhenServerLifetimeConfiguredThenExpiresInIsThatLifetime() {
        TokenService configured = ports.coreBuilder()
                .issuance(IssuanceSettings.DEFAULT.withLifetimes(
                        new TokenLifetimes(Duration.ofMinutes(10), Duration.ofDays(1))))
                .build().tokenService();

        TokenResponse response = configured.issue(TokenRequests.clientCredentials(client));

        assertThat(response.expiresIn()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void issueWhenClientOverridesLifetimeThenExpiresInIsTheOverride() {
        Client shortLived = client.toBuilder().accessTokenLifetime(Duration.ofMinutes(5)).build();
        ports.clients().save(shortLived);

        TokenResponse response = service.issue(TokenRequests.clientCredentials(shortLived));

        assertThat(response.expiresIn()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void issueWhenGrantedThenStoresClientOnlyTokenExpiringAfterItsLifetime() {
        TokenResponse response = service.issue(TokenRequests.clientCredentials(client));

        AccessToken stored = ports.tokens().findAccessToken(TokenDigest.of(response.accessToken())).orElseThrow();
        assertThat(stored.clientId()).isEqualTo(client.clientId());
        assertThat(stored.username()).isNull();
        assertThat(stored.familyId()).isNull();
        assertThat(stored.issuedAt()).isEqualTo(MutableClock.DEFAULT_START);
        assertThat(stored.expiresAt()).isEqualTo(MutableClock.DEFAULT_START.plus(response.expiresIn()));
    }

    @Test
    void issueWhenPublicClientMayUseTheGrantThenUnauthorizedClient() {
        Client publicClient = TestClients.publicClient().grantTypes(GrantType.CLIENT_CREDENTIALS).build();
        ports.clients().save(publicClient);

        OAuthError error = errorOf(() -> service.issue(TokenRequests.clientCredentials(publicClient)));

        assertThat(error).isEqualTo(OAuthError.UNAUTHORIZED_CLIENT);
    }

    @Test
    void issueWhenGrantNotAllowedForClientThenUnauthorizedClient() {
        Client passwordOnly = client.toBuilder().grantTypes(GrantType.PASSWORD).build();
        ports.clients().save(passwordOnly);

        OAuthError error = errorOf(() -> service.issue(TokenRequests.clientCredentials(passwordOnly)));

        assertThat(error).isEqualTo(OAuthError.UNAUTHORIZED_CLIENT);
    }

    @Test
    void issueWhenScopeBeyondAllowanceThenInvalidScope() {
        OAuthError error = errorOf(() -> service.issue(TokenRequests.clientCredentials(client, "read admin")));

        assertThat(error).isEqualTo(OAuthError.INVALID_SCOPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "   ", "read  write", " read", "read ", "read\twrite", "re\"ad", "re\\ad", "lecture\u00e9"})
    void issueWhenScopeMalformedThenInvalidScope(String scope) {
        OAuthError error = errorOf(() -> service.issue(TokenRequests.clientCredentials(client, scope)));

        assertThat(error).isEqualTo(OAuthError.INVALID_SCOPE);
    }

    @Test
    void issueWhenRefusedThenStoresNothing() {
        errorOf(() -> service.issue(TokenRequests.clientCredentials(client, "admin")));

        assertThat(ports.tokens().size()).isZero();
    }
}
