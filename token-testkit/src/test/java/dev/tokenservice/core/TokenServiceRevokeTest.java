package dev.tokenservice.core;

import static dev.tokenservice.core.OAuthFailures.errorOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tokenservice.core.crypto.Sha256SecretHasher;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientAuthentication;
import dev.tokenservice.core.model.ClientSecret;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.RevocationRequest;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenHolder;
import dev.tokenservice.core.model.TokenId;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.policy.RevocationSettings;
import dev.tokenservice.core.port.TokenEventListener.RevocationCause;
import dev.tokenservice.core.port.TokenEventListener.Revoked;
import dev.tokenservice.testkit.InMemoryPorts;
import dev.tokenservice.testkit.TestClients;
import dev.tokenservice.testkit.TestUsers;
import org.junit.jupiter.api.Test;

/** Token revocation on a client's request (RFC 7009). */
class TokenServiceRevokeTest {
    private final Client client = TestClients.confidential().build();
    private final Client publicClient = TestClients.publicClient().build();
    private final Client otherClient = Client.builder("other-client")
            .secretHash(new Sha256SecretHasher().hash(TestClients.SECRET))
            .grantTypes(GrantType.PASSWORD, GrantType.REFRESH_TOKEN)
            .allowedScopes(Scope.of("read"))
            .build();
    private final InMemoryPorts ports = new InMemoryPorts().with(client, publicClient, otherClient)
            .with(TestUsers.alice());
    private final TokenService service = ports.core().tokenService();

    private TokenResponse login(Client as) {
        return service.issue(TokenRequests.password(as, TestUsers.ALICE, TestUsers.ALICE_PASSWORD));
    }

    @Test
    void revokeWhenTokenIsUnknownThenSucceeds() {
        assertThatCode(() -> service.revoke(new RevocationRequest(TestClients.credentials(client), TokenValue.of("no-such-token"))))
                .doesNotThrowAnyException();
    }

    @Test
    void revokeWhenAccessTokenThenItNoLongerVerifies() {
        TokenResponse issued = login(client);

        service.revoke(new RevocationRequest(TestClients.credentials(client), issued.accessToken()));

        assertThat(service.verifyAccessToken(issued.accessToken())).isEmpty();
    }

    @Test
    void revokeWhenAccessTokenThenItsRefreshTokenStaysUsableByDefault() {
        TokenResponse issued = login(client);

        service.revoke(new RevocationRequest(TestClients.credentials(client), issued.accessToken()));

        assertThat(service.issue(TokenRequests.refresh(client, issued.refreshToken())).refreshToken()).isNotNull();
    }

    @Test
    void revokeWhenAccessTokenAndFamilyRevocationIsOnThenItsRefreshTokenIsRevoked() {
        TokenService strict = ports.coreBuilder().revocation(new RevocationSettings(true, true)).build().tokenService();
        TokenResponse issued = login(client);

        strict.revoke(new RevocationRequest(TestClients.credentials(client), issued.accessToken()));

        assertThat(errorOf(() -> strict.issue(TokenRequests.refresh(client, issued.refreshToken()))))
                .isEqualTo(OAuthError.INVALID_GRANT);
    }

    @Test
    void revokeWhenRefreshTokenThenItIsRefused() {
        TokenResponse issued = login(client);

        service.revoke(new RevocationRequest(TestClients.credentials(client), issued.refreshToken()));

        assertThat(errorOf(() -> service.issue(TokenRequests.refresh(client, issued.refreshToken()))))
                .isEqualTo(OAuthError.INVALID_GRANT);
    }

    @Test
    void revokeWhenRefreshTokenThenEveryAccessTokenOfItsFamilyIsRevoked() {
        TokenResponse first = login(client);
        TokenResponse second = service.issue(TokenRequests.refresh(client, first.refreshToken()));

        service.revoke(new RevocationRequest(TestClients.credentials(client), second.refreshToken()));

        assertThat(service.verifyAccessToken(first.accessToken())).isEmpty();
        assertThat(service.verifyAccessToken(second.accessToken())).isEmpty();
    }

    @Test
    void revokeWhenRefreshTokenThenOtherFamiliesStayLive() {
        TokenResponse revoked = login(client);
        TokenResponse kept = login(client);

        service.revoke(new RevocationRequest(TestClients.credentials(client), revoked.refreshToken()));

        assertThat(service.verifyAccessToken(kept.accessToken())).isPresent();
        assertThat(service.introspect(TokenRequests.introspection(client, kept.refreshToken())).active()).isTrue();
    }

    @Test
    void revokeWhenPublicClientRevokesItsOwnTokenThenItNoLongerVerifies() {
        TokenResponse issued = login(publicClient);

        service.revoke(new RevocationRequest(ClientAuthentication.none(publicClient.clientId()), issued.accessToken()));

        assertThat(service.verifyAccessToken(issued.accessToken())).isEmpty();
    }

    @Test
    void revokeWhenAccessTokenOfAnotherClientThenUnauthorizedClient() {
        TokenResponse issued = login(client);

        OAuthError error = errorOf(() -> service.revoke(new RevocationRequest(TestClients.credentials(otherClient), issued.accessToken())));

        assertThat(error).isEqualTo(OAuthError.UNAUTHORIZED_CLIENT);
    }

    @Test
    void revokeWhenAccessTokenOfAnotherClientThenNothingIsRevoked() {
        TokenResponse issued = login(client);

        errorOf(() -> service.revoke(new RevocationRequest(TestClients.credentials(otherClient), issued.accessToken())));

        assertThat(service.verifyAccessToken(issued.accessToken())).isPresent();
        assertThat(ports.tokens().size()).isEqualTo(2);
    }

    @Test
    void revokeWhenRefreshTokenOfAnotherClientThenUnauthorizedClient() {
        TokenResponse issued = login(client);

        OAuthError error = errorOf(
                () -> service.revoke(new RevocationRequest(TestClients.credentials(otherClient), issued.refreshToken())));

        assertThat(error).isEqualTo(OAuthError.UNAUTHORIZED_CLIENT);
    }

    @Test
    void revokeWhenRefreshTokenOfAnotherClientThenNothingIsRevoked() {
        TokenResponse issued = login(client);

        errorOf(() -> service.revoke(new RevocationRequest(TestClients.credentials(otherClient), issued.refreshToken())));

        assertThat(service.introspect(TokenRequests.introspection(client, issued.refreshToken())).active()).isTrue();
        assertThat(ports.tokens().size()).isEqualTo(2);
    }

    @Test
    void revokeWhenClientSecretIsWrongThenInvalidClient() {
        TokenResponse issued = login(client);
        ClientAuthentication wrong = ClientAuthentication.post(client.clientId(), ClientSecret.of("wrong"));

        OAuthError error = errorOf(() -> service.revoke(new RevocationRequest(wrong, issued.accessToken())));

        assertThat(error).isEqualTo(OAuthError.INVALID_CLIENT);
    }

    @Test
    void revokeWhenClientSecretIsWrongThenNothingIsRevoked() {
        TokenResponse issued = login(client);
        ClientAuthentication wrong = ClientAuthentication.post(client.clientId(), ClientSecret.of("wrong"));

        errorOf(() -> service.revoke(new RevocationRequest(wrong, issued.accessToken())));

        assertThat(service.verifyAccessToken(issued.accessToken())).isPresent();
    }

    @Test
    void revokeWhenAccessTokenRevokedThenRecordsRevokedOnClientRequest() {
        TokenResponse issued = login(client);

        TokenId revoked = ports.tokens().findAccessToken(TokenDigest.of(issued.accessToken())).orElseThrow().id();

        service.revoke(new RevocationRequest(TestClients.credentials(client), issued.accessToken()));

        assertThat(ports.events().assertHeard(Revoked.class, 1)).containsExactly(new Revoked(
                RevocationCause.CLIENT_REQUEST, 1, TokenHolder.of(client.clientId(), null), null, revoked, null));
    }

    @Test
    void revokeWhenRefreshTokenRevokedThenRecordsTheWholeFamily() {
        TokenResponse issued = login(client);

        RefreshToken revoked = ports.tokens().findRefreshToken(TokenDigest.of(issued.refreshToken())).orElseThrow();

        service.revoke(new RevocationRequest(TestClients.credentials(client), issued.refreshToken()));

        assertThat(ports.events().assertHeard(Revoked.class, 1)).containsExactly(new Revoked(
                RevocationCause.CLIENT_REQUEST, 2, TokenHolder.of(client.clientId(), null), null, revoked.id(),
                revoked.familyId()));
    }
}
