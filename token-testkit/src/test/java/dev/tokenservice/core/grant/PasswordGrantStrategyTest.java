package dev.tokenservice.core.grant;

import static dev.tokenservice.core.OAuthFailures.errorOf;
import static dev.tokenservice.core.OAuthFailures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.TokenRequests;
import dev.tokenservice.core.TokenService;
import dev.tokenservice.core.auth.CountingSecretHasher;
import dev.tokenservice.core.auth.StoredUserDirectory;
import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.policy.ThrottleSettings;
import dev.tokenservice.core.port.TokenEventListener.AuthenticationFailed;
import dev.tokenservice.core.port.TokenEventListener.Party;
import dev.tokenservice.testkit.InMemoryPorts;
import dev.tokenservice.testkit.TestClients;
import dev.tokenservice.testkit.TestHashers;
import dev.tokenservice.testkit.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordGrantStrategyTest {
    private static final Username UNKNOWN = Username.of("mallory");

    private final Client client = TestClients.confidential().build();
    private final InMemoryPorts ports = new InMemoryPorts().with(client).with(TestUsers.alice());
    private final CountingSecretHasher passwordHasher = new CountingSecretHasher(TestHashers.fast());
    private final TokenService service = ports.coreBuilder()
            .userDirectory(new StoredUserDirectory(ports.accounts(), passwordHasher))
            .build().tokenService();

    @Test
    void issueWhenPasswordIsRightThenReturnsAccessToken() {
        TokenResponse response = service.issue(TokenRequests.password(client, TestUsers.ALICE, TestUsers.ALICE_PASSWORD));

        assertThat(service.verifyAccessToken(response.accessToken())).isPresent();
    }

    @Test
    void issueWhenPasswordIsRightThenAccessTokenActsForTheUser() {
        TokenResponse response = service.issue(TokenRequests.password(client, TestUsers.ALICE, TestUsers.ALICE_PASSWORD));

        AccessToken stored = ports.tokens().findAccessToken(TokenDigest.of(response.accessToken())).orElseThrow();
        assertThat(stored.username()).isEqualTo(TestUsers.ALICE);
        assertThat(stored.clientId()).isEqualTo(client.clientId());
    }

    @Test
    void issueWhenClientMayRefreshThenReturnsRefreshToken() {
        TokenResponse response = service.issue(TokenRequests.password(client, TestUsers.ALICE, TestUsers.ALICE_PASSWORD));

        assertThat(response.refreshToken()).isNotNull();
    }

    @Test
    void issueWhenClientMayNotRefreshThenReturnsNoRefreshToken() {
        Client passwordOnly = client.toBuilder().grantTypes(GrantType.PASSWORD).build();
        ports.clients().save(passwordOnly);

        TokenResponse response = service.issue(
                TokenRequests.password(passwordOnly, TestUsers.ALICE, TestUsers.ALICE_PASSWORD));

        assertThat(response.refreshToken()).isNull();
    }

    @Test
    void issueWhenClientMayNotRefreshThenStoresNoRefreshToken() {
        Client passwordOnly = client.toBuilder().grantTypes(GrantType.PASSWORD).build();
        ports.clients().save(passwordOnly);

        service.issue(TokenRequests.password(passwordOnly, TestUsers.ALICE, TestUsers.ALICE_PASSWORD));

        assertThat(ports.tokens().refreshTokens()).isEmpty();
    }

    @Test
    void issueWhenPublicClientThenReturnsTokens() {
        Client publicClient = TestClients.publicClient().build();
        ports.clients().save(publicClient);

        TokenResponse response = service.issue(
                TokenRequests.password(publicClient, TestUsers.ALICE, TestUsers.ALICE_PASSWORD));

        assertThat(response.refreshToken()).isNotNull();
    }

    @Test
    void issueWhenNoScopeRequestedThenGrantsClientDefaults() {
        TokenResponse response = service.issue(TokenRequests.password(client, TestUsers.ALICE, TestUsers.ALICE_PASSWORD));

        assertThat(response.scope()).isEqualTo(client.defaultScopes());
    }

    @Test
    void issueWhenPasswordIsWrongThenInvalidGrant() {
        OAuthError error = errorOf(() -> service.issue(TokenRequests.password(client, TestUsers.ALICE, "wrong")));

        assertThat(error).isEqualTo(OAuthError.INVALID_GRANT);
    }

    @Test
    void issueWhenUserIsUnknownThenInvalidGrant() {
        OAuthError error = errorOf(() -> service.issue(TokenRequests.password(client, UNKNOWN, "anything")));

        assertThat(error).isEqualTo(OAuthError.INVALID_GRANT);
    }

    @Test
    void issueWhenUserIsUnknownThenFailsExactlyLikeWrongPassword() {
        TokenRequest unknownUser = TokenRequests.password(client, UNKNOWN, "anything");
        TokenRequest wrongPassword = TokenRequests.password(client, TestUsers.ALICE, "wrong");

        OAuthException unknownFailure = failureOf(() -> service.issue(unknownUser));
        OAuthException wrongPasswordFailure = failureOf(() -> service.issue(wrongPassword));

        assertThat(unknownFailure.error()).isEqualTo(wrongPasswordFailure.error());
        assertThat(unknownFailure.description()).isEqualTo(wrongPasswordFailure.description());
    }

    @Test
    void issueWhenUserIsUnknownThenVerifiesOnePasswordHashLikeWrongPassword() {
        failureOf(() -> service.issue(TokenRequests.password(client, UNKNOWN, "anything")));
        failureOf(() -> service.issue(TokenRequests.password(client, TestUsers.ALICE, "wrong")));

        assertThat(passwordHasher.verifiedSchemes()).hasSize(2).containsOnly(TestUsers.alice().passwordHash().scheme());
    }

    @Test
    void issueWhenPasswordIsWrongThenRecordsAuthenticationFailedForTheUser() {
        failureOf(() -> service.issue(TokenRequests.password(client, TestUsers.ALICE, "wrong")));

        assertThat(ports.events().assertHeard(AuthenticationFailed.class, 1))
                .containsExactly(new AuthenticationFailed(Party.USER, TestUsers.ALICE.value()));
    }

    @Test
    void issueWhenPasswordIsWrongThenStoresNothing() {
        failureOf(() -> service.issue(TokenRequests.password(client, TestUsers.ALICE, "wrong")));

        assertThat(ports.tokens().size()).isZero();
    }

    @Test
    void issueWhenUsernameIsMissingThenInvalidRequest() {
        TokenRequest request = TokenRequests.request(GrantType.PASSWORD, client,
                Map.of(TokenRequest.PASSWORD, TestUsers.ALICE_PASSWORD));

        OAuthError error = errorOf(() -> service.issue(request));

        assertThat(error).isEqualTo(OAuthError.INVALID_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void issueWhenUsernameIsBlankThenInvalidRequest(String username) {
        TokenRequest request = TokenRequests.request(GrantType.PASSWORD, client,
                Map.of(TokenRequest.USERNAME, username, TokenRequest.PASSWORD, TestUsers.ALICE_PASSWORD));

        OAuthError error = errorOf(() -> service.issue(request));

        assertThat(error).isEqualTo(OAuthError.INVALID_REQUEST);
    }

    @Test
    void issueWhenPasswordIsMissingThenInvalidRequest() {
        TokenRequest request = TokenRequests.request(GrantType.PASSWORD, client,
                Map.of(TokenRequest.USERNAME, TestUsers.ALICE.value()));

        OAuthError error = errorOf(() -> service.issue(request));

        assertThat(error).isEqualTo(OAuthError.INVALID_REQUEST);
    }

    @Test
    void issueWhenParametersAreMissingThenChecksNoPassword() {
        TokenRequest request = TokenRequests.request(GrantType.PASSWORD, client, Map.of());

        failureOf(() -> service.issue(request));

        assertThat(passwordHasher.verifications()).isZero();
    }

    @Test
    void issueWhenScopeIsRefusedThenInvalidScope() {
        TokenRequest request = TokenRequests.password(client, TestUsers.ALICE, TestUsers.ALICE_PASSWORD, "admin");

        OAuthError error = errorOf(() -> service.issue(request));

        assertThat(error).isEqualTo(OAuthError.INVALID_SCOPE);
    }

    @Test
    void issueWhenScopeIsRefusedThenChecksNoPassword() {
        TokenRequest request = TokenRequests.password(client, TestUsers.ALICE, "wrong", "admin");

        failureOf(() -> service.issue(request));

        assertThat(passwordHasher.verifications()).isZero();
    }

    @Test
    void issueWhenScopeIsRefusedThenRecordsNoFailedLogin() {
        TokenRequest request = TokenRequests.password(client, TestUsers.ALICE, "wrong", "admin");

        failureOf(() -> service.issue(request));

        ports.events().assertNotHeard(AuthenticationFailed.class);
    }

    @Test
    void issueWhenAllowedScopeRequestedThenGrantsIt() {
        TokenRequest request = TokenRequests.password(client, TestUsers.ALICE, TestUsers.ALICE_PASSWORD, "write");

        TokenResponse response = service.issue(request);

        assertThat(response.scope()).isEqualTo(Scope.of("write"));
    }

    private static Client appNamed(String clientId) {
        return Client.builder(clientId).grantTypes(GrantType.PASSWORD).defaultScopes(Scope.of("read"))
                .allowedScopes(Scope.of("read")).build();
    }

    private void failTimes(Client through, Username username, int times) {
        for (int i = 0; i < times; i++) {
            String wrong = "wrong-" + i;
            errorOf(() -> service.issue(TokenRequests.password(through, username, wrong)));
        }
    }

    @Test
    void issueWhenPasswordFailedAsOftenAsAllowedThenThrottledBeforeAnyHash() {
        failTimes(client, TestUsers.ALICE, ThrottleSettings.DEFAULT.failures());
        int verifications = passwordHasher.verifications();

        OAuthException refused = failureOf(() -> service.issue(
                TokenRequests.password(client, TestUsers.ALICE, TestUsers.ALICE_PASSWORD)));

        assertThat(refused.error()).isEqualTo(OAuthError.TEMPORARILY_UNAVAILABLE);
        assertThat(refused.retryAfter()).isEqualTo(ThrottleSettings.DEFAULT.firstDelay());
        assertThat(passwordHasher.verifications()).isEqualTo(verifications);
        assertThat(ports.tokens().accessTokens()).isEmpty();
    }

    @Test
    void issueWhenThrottledAndTheWaitIsOverThenRightPasswordIsAccepted() {
        failTimes(client, TestUsers.ALICE, ThrottleSettings.DEFAULT.failures());
        ports.clock().advance(ThrottleSettings.DEFAULT.firstDelay());

        TokenResponse response = service.issue(
                TokenRequests.password(client, TestUsers.ALICE, TestUsers.ALICE_PASSWORD));

        assertThat(service.verifyAccessToken(response.accessToken())).isPresent();
    }

    @Test
    void issueWhenUserIsThrottledThroughOneClientThenAnotherClientIsNotUntilTheSharedThreshold() {
        Client other = TestClients.publicClient().build();
        ports.clients().save(other);
        failTimes(client, TestUsers.ALICE, ThrottleSettings.DEFAULT.failures());

        TokenResponse throughOther = service.issue(
                TokenRequests.password(other, TestUsers.ALICE, TestUsers.ALICE_PASSWORD));

        assertThat(service.verifyAccessToken(throughOther.accessToken())).isPresent();
    }

    @Test
    void issueWhenUserFailsThroughManyClientsThenThrottledEverywhereAtTheSharedThreshold() {
        int shared = ThrottleSettings.DEFAULT.sharedFailures();
        for (int i = 0; i < shared; i++) {
            Client through = appNamed("app-" + i);
            ports.clients().save(through);
            failTimes(through, TestUsers.ALICE, 1);
        }
        Client fresh = appNamed("fresh-app");
        ports.clients().save(fresh);

        OAuthError error = errorOf(() -> service.issue(
                TokenRequests.password(fresh, TestUsers.ALICE, TestUsers.ALICE_PASSWORD)));

        assertThat(error).isEqualTo(OAuthError.TEMPORARILY_UNAVAILABLE);
    }

    @Test
    void issueWhenAnotherUserIsThrottledThenThisOneIsNot() {
        failTimes(client, UNKNOWN, ThrottleSettings.DEFAULT.failures() + 3);

        TokenResponse response = service.issue(
                TokenRequests.password(client, TestUsers.ALICE, TestUsers.ALICE_PASSWORD));

        assertThat(service.verifyAccessToken(response.accessToken())).isPresent();
    }
}
