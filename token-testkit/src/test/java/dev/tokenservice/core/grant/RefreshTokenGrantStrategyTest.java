package dev.tokenservice.core.grant;

import static dev.tokenservice.core.OAuthFailures.errorOf;
import static dev.tokenservice.core.OAuthFailures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.TokenRequests;
import dev.tokenservice.core.TokenService;
import dev.tokenservice.core.crypto.Sha256SecretHasher;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Introspection;
import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.policy.RevocationSettings;
import dev.tokenservice.core.policy.TokenLifetimes;
import dev.tokenservice.core.port.TokenEventListener.Refreshed;
import dev.tokenservice.core.port.TokenEventListener.ReuseDetected;
import dev.tokenservice.core.port.TokenEventListener.RevocationCause;
import dev.tokenservice.core.port.TokenEventListener.Revoked;
import dev.tokenservice.testkit.InMemoryPorts;
import dev.tokenservice.testkit.TestClients;
import dev.tokenservice.testkit.TestUsers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RefreshTokenGrantStrategyTest {
    private final Client client = TestClients.confidential().build();
    private final Client otherClient = Client.builder("other-client")
            .secretHash(new Sha256SecretHasher().hash(TestClients.SECRET))
            .grantTypes(GrantType.PASSWORD, GrantType.REFRESH_TOKEN)
            .allowedScopes(Scope.of("read", "write"))
            .build();
    private final InMemoryPorts ports = new InMemoryPorts().with(client, otherClient).with(TestUsers.alice());
    private final TokenService service = ports.core().tokenService();

    private TokenResponse login(String scope) {
        return service.issue(TokenRequests.password(client, TestUsers.ALICE, TestUsers.ALICE_PASSWORD, scope));
    }

    private static TokenValue refreshTokenOf(TokenResponse response) {
        return response.refreshToken();
    }

    @Test
    void issueWhenRefreshTokenIsLiveThenReturnsNewAccessToken() {
        TokenResponse first = login("read write");

        TokenResponse refreshed = service.issue(TokenRequests.refresh(client, refreshTokenOf(first)));

        assertThat(refreshed.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(service.verifyAccessToken(refreshed.accessToken())).isPresent();
    }

    @Test
    void issueWhenRefreshTokenIsLiveThenReturnsNewRefreshToken() {
        TokenResponse first = login("read write");

        TokenResponse refreshed = service.issue(TokenRequests.refresh(client, refreshTokenOf(first)));

        assertThat(refreshed.refreshToken()).isNotNull().isNotEqualTo(refreshTokenOf(first));
    }

    @Test
    void issueWhenRefreshTokenWasRotatedThenNewRefreshTokenWorks() {
        TokenResponse first = login("read write");
        TokenResponse second = service.issue(TokenRequests.refresh(client, refreshTokenOf(first)));

        TokenResponse third = service.issue(TokenRequests.refresh(client, refreshTokenOf(second)));

        assertThat(third.refreshToken()).isNotNull();
    }

    @Test
    void issueWhenRefreshTokenWasRotatedThenOldOneIsRefused() {
        TokenResponse first = login("read write");
        service.issue(TokenRequests.refresh(client, refreshTokenOf(first)));

        OAuthError error = errorOf(() -> service.issue(TokenRequests.refresh(client, refreshTokenOf(first))));

        assertThat(error).isEqualTo(OAuthError.INVALID_GRANT);
    }

    @Test
    void issueWhenRefreshedThenNewTokensActForTheSameUserAndFamily() {
        TokenResponse first = login("read write");
        RefreshToken original = ports.tokens().findRefreshToken(TokenDigest.of(refreshTokenOf(first))).orElseThrow();

        TokenResponse refreshed = service.issue(TokenRequests.refresh(client, refreshTokenOf(first)));

        RefreshToken rotated = ports.tokens().findRefreshToken(TokenDigest.of(refreshTokenOf(refreshed))).orElseThrow();
        assertThat(rotated.username()).isEqualTo(TestUsers.ALICE);
        assertThat(rotated.familyId()).isEqualTo(original.familyId());
        assertThat(ports.tokens().findAccessToken(TokenDigest.of(refreshed.accessToken())).orElseThrow().familyId())
                .isEqualTo(original.familyId());
    }

    @Test
    void issueWhenNoScopeRequestedThenAccessTokenKeepsOriginalScope() {
        TokenResponse first = login("read write");

        TokenResponse refreshed = service.issue(TokenRequests.refresh(client, refreshTokenOf(first)));

        assertThat(refreshed.scope()).isEqualTo(Scope.of("read", "write"));
    }

    @Test
    void issueWhenScopeNarrowedThenAccessTokenHasNarrowedScope() {
        TokenResponse first = login("read write");

        TokenResponse refreshed = service.issue(TokenRequests.refresh(client, refreshTokenOf(first), "read"));

        assertThat(refreshed.scope()).isEqualTo(Scope.of("read"));
        assertThat(service.introspect(TokenRequests.introspection(client, refreshed.accessToken())).scope()).isEqualTo(Scope.of("read"));
    }

    @Test
    void issueWhenScopeNarrowedThenNewRefreshTokenKeepsOriginalScope() {
        TokenResponse first = login("read write");

        TokenResponse refreshed = service.issue(TokenRequests.refresh(client, refreshTokenOf(first), "read"));

        assertThat(service.introspect(TokenRequests.introspection(client, refreshTokenOf(refreshed))).scope()).isEqualTo(Scope.of("read", "write"));
    }

    @Test
    void issueWhenRefreshedAfterNarrowingThenOriginalScopeCanBeAskedForAgain() {
        TokenResponse first = login("read write");
        TokenResponse narrowed = service.issue(TokenRequests.refresh(client, refreshTokenOf(first), "read"));

        TokenResponse widenedBack = service.issue(TokenRequests.refresh(client, refreshTokenOf(narrowed), "read write"));

        assertThat(widenedBack.scope()).isEqualTo(Scope.of("read", "write"));
    }

    @Test
    void issueWhenScopeWidenedThenInvalidScope() {
        TokenResponse first = login("read");

        OAuthError error = errorOf(() -> service.issue(TokenRequests.refresh(client, refreshTokenOf(first), "read write")));

        assertThat(error).isEqualTo(OAuthError.INVALID_SCOPE);
    }

    @Test
    void issueWhenScopeIsOnlyWhitespaceThenInvalidScope() {
        TokenResponse first = login("read write");

        OAuthError error = errorOf(() -> service.issue(TokenRequests.refresh(client, refreshTokenOf(first), " ")));

        assertThat(error).isEqualTo(OAuthError.INVALID_SCOPE);
    }

    @Test
    void issueWhenScopeWidenedThenRefreshTokenStaysUsable() {
        TokenResponse first = login("read");
        failureOf(() -> service.issue(TokenRequests.refresh(client, refreshTokenOf(first), "read write")));

        TokenResponse refreshed = service.issue(TokenRequests.refresh(client, refreshTokenOf(first)));

        assertThat(refreshed.scope()).isEqualTo(Scope.of("read"));
    }

    @Test
    void issueWhenRefreshTokenIssuedToAnotherClientThenInvalidGrant() {
        TokenResponse first = login("read");

        OAuthError error = errorOf(() -> service.issue(TokenRequests.refresh(otherClient, refreshTokenOf(first))));

        assertThat(error).isEqualTo(OAuthError.INVALID_GRANT);
    }

    @Test
    void issueWhenAnotherClientPresentsTheRefreshTokenThenItStaysUsableByItsClient() {
        TokenResponse first = login("read");
        failureOf(() -> service.issue(TokenRequests.refresh(otherClient, refreshTokenOf(first))));

        TokenResponse refreshed = service.issue(TokenRequests.refresh(client, refreshTokenOf(first)));

        assertThat(refreshed.refreshToken()).isNotNull();
    }

    @Test
    void issueWhenRefreshTokenIsUnknownThenInvalidGrant() {
        OAuthError error = errorOf(() -> service.issue(TokenRequests.refresh(client, TokenValue.of("no-such-token"))));

        assertThat(error).isEqualTo(OAuthError.INVALID_GRANT);
    }

    @Test
    void issueWhenAccessTokenPresentedAsRefreshTokenThenInvalidGrant() {
        TokenResponse first = login("read");

        OAuthError error = errorOf(() -> service.issue(TokenRequests.refresh(client, first.accessToken())));

        assertThat(error).isEqualTo(OAuthError.INVALID_GRANT);
    }

    @Test
    void issueWhenRefreshTokenIsMissingThenInvalidRequest() {
        TokenRequest request = TokenRequests.request(GrantType.REFRESH_TOKEN, client, Map.of());

        OAuthError error = errorOf(() -> service.issue(request));

        assertThat(error).isEqualTo(OAuthError.INVALID_REQUEST);
    }

    @Test
    void issueWhenClientMayNoLongerRefreshThenUnauthorizedClient() {
        TokenResponse first = login("read");
        ports.clients().save(client.toBuilder().grantTypes(GrantType.PASSWORD).build());

        OAuthError error = errorOf(() -> service.issue(TokenRequests.refresh(client, refreshTokenOf(first))));

        assertThat(error).isEqualTo(OAuthError.UNAUTHORIZED_CLIENT);
    }

    @Test
    void issueWhenUserWasDeletedThenInvalidGrant() {
        TokenResponse first = login("read");
        ports.accounts().delete(TestUsers.ALICE);

        OAuthError error = errorOf(() -> service.issue(TokenRequests.refresh(client, refreshTokenOf(first))));

        assertThat(error).isEqualTo(OAuthError.INVALID_GRANT);
    }

    @Test
    void issueWhenRefreshTokenExpiredThenInvalidGrant() {
        TokenResponse first = login("read");
        ports.clock().advance(TokenLifetimes.DEFAULT.refreshToken());

        OAuthError error = errorOf(() -> service.issue(TokenRequests.refresh(client, refreshTokenOf(first))));

        assertThat(error).isEqualTo(OAuthError.INVALID_GRANT);
    }

    @Test
    void issueWhenRefreshTokenAboutToExpireThenRefreshes() {
        TokenResponse first = login("read");
        ports.clock().advance(TokenLifetimes.DEFAULT.refreshToken().minusMillis(1));

        TokenResponse refreshed = service.issue(TokenRequests.refresh(client, refreshTokenOf(first)));

        assertThat(refreshed.refreshToken()).isNotNull();
    }

    @Test
    void issueWhenClientOverridesRefreshLifetimeThenRefreshTokenExpiresAfterIt() {
        Client shortRefresh = client.toBuilder().refreshTokenLifetime(Duration.ofHours(2)).build();
        ports.clients().save(shortRefresh);
        TokenResponse first = login("read");
        ports.clock().advance(Duration.ofHours(2));

        OAuthError error = errorOf(() -> service.issue(TokenRequests.refresh(client, refreshTokenOf(first))));

        assertThat(error).isEqualTo(OAuthError.INVALID_GRANT);
    }

    @Test
    void issueWhenRefreshedThenRecordsRefreshedWithTheFamily() {
        TokenResponse first = login("read");
        RefreshToken original = ports.tokens().findRefreshToken(TokenDigest.of(refreshTokenOf(first))).orElseThrow();

        service.issue(TokenRequests.refresh(client, refreshTokenOf(first)));

        assertThat(ports.events().assertHeard(Refreshed.class, 1).get(0).familyId()).isEqualTo(original.familyId());
    }

    @Test
    void issueWhenRotatedTokenIsReusedThenNewRefreshTokenIsRevoked() {
        TokenResponse first = login("read");
        TokenResponse second = service.issue(TokenRequests.refresh(client, refreshTokenOf(first)));

        failureOf(() -> service.issue(TokenRequests.refresh(client, refreshTokenOf(first))));

        assertThat(errorOf(() -> service.issue(TokenRequests.refresh(client, refreshTokenOf(second)))))
                .isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(service.introspect(TokenRequests.introspection(client, refreshTokenOf(second))).active()).isFalse();
    }

    @Test
    void issueWhenRotatedTokenIsReusedThenTheDescriptionSaysTheFamilyWasRevoked() {
        TokenResponse first = login("read");
        service.issue(TokenRequests.refresh(client, refreshTokenOf(first)));

        OAuthException reuse = failureOf(() -> service.issue(TokenRequests.refresh(client, refreshTokenOf(first))));

        assertThat(reuse.error()).isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(reuse.description()).isEqualTo(RefreshTokenGrantStrategy.REUSED_FAMILY_REVOKED);
    }

    @Test
    void issueWhenRotatedTokenIsReusedThenEveryAccessTokenOfTheFamilyIsRevoked() {
        TokenResponse first = login("read");
        TokenResponse second = service.issue(TokenRequests.refresh(client, refreshTokenOf(first)));

        failureOf(() -> service.issue(TokenRequests.refresh(client, refreshTokenOf(first))));

        assertThat(service.verifyAccessToken(first.accessToken())).isEmpty();
        assertThat(service.verifyAccessToken(second.accessToken())).isEmpty();
        assertThat(service.introspect(TokenRequests.introspection(client, first.accessToken()))).isEqualTo(Introspection.INACTIVE);
        assertThat(service.introspect(TokenRequests.introspection(client, second.accessToken()))).isEqualTo(Introspection.INACTIVE);
    }

    @Test
    void issueWhenRotatedTokenIsReusedThenOtherFamiliesStayLive() {
        TokenResponse compromised = login("read");
        TokenResponse otherLogin = login("read");
        service.issue(TokenRequests.refresh(client, refreshTokenOf(compromised)));

        failureOf(() -> service.issue(TokenRequests.refresh(client, refreshTokenOf(compromised))));

        assertThat(service.verifyAccessToken(otherLogin.accessToken())).isPresent();
        assertThat(service.introspect(TokenRequests.introspection(client, refreshTokenOf(otherLogin))).active()).isTrue();
    }

    @Test
    void issueWhenRotatedTokenIsReusedThenRecordsReuseDetectedAndRevoked() {
        TokenResponse first = login("read");
        service.issue(TokenRequests.refresh(client, refreshTokenOf(first)));
        RefreshToken original = ports.tokens().findRefreshToken(TokenDigest.of(refreshTokenOf(first))).orElseThrow();

        failureOf(() -> service.issue(TokenRequests.refresh(client, refreshTokenOf(first))));

        assertThat(ports.events().assertHeard(ReuseDetected.class, 1))
                .containsExactly(new ReuseDetected(client.clientId(), TestUsers.ALICE, original.familyId(), original.id()));
        // The family held two access tokens and two refresh tokens (the retired one and its successor).
        assertThat(ports.events().assertHeard(Revoked.class, 1))
                .containsExactly(new Revoked(RevocationCause.REFRESH_TOKEN_REUSE, 4, null, null, original.id(),
                        original.familyId()));
    }

    @Test
    void issueWhenReuseRevocationIsOffThenNewRefreshTokenStaysUsable() {
        TokenService lenient = ports.coreBuilder().revocation(new RevocationSettings(false, false)).build().tokenService();
        TokenResponse first = login("read");
        TokenResponse second = lenient.issue(TokenRequests.refresh(client, refreshTokenOf(first)));

        OAuthError reuse = errorOf(() -> lenient.issue(TokenRequests.refresh(client, refreshTokenOf(first))));

        assertThat(reuse).isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(lenient.issue(TokenRequests.refresh(client, refreshTokenOf(second))).refreshToken()).isNotNull();
    }

    @Test
    void issueWhenReuseRevocationIsOffThenTheDescriptionSaysTheFamilyWasKept() {
        TokenService lenient = ports.coreBuilder().revocation(new RevocationSettings(false, false)).build().tokenService();
        TokenResponse first = login("read");
        lenient.issue(TokenRequests.refresh(client, refreshTokenOf(first)));

        OAuthException reuse = failureOf(() -> lenient.issue(TokenRequests.refresh(client, refreshTokenOf(first))));

        assertThat(reuse.error()).isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(reuse.description()).isEqualTo(RefreshTokenGrantStrategy.REUSED_FAMILY_KEPT);
    }

    @Test
    void issueWhenReuseRevocationIsOffThenFamilyAccessTokensStayLive() {
        TokenService lenient = ports.coreBuilder().revocation(new RevocationSettings(false, false)).build().tokenService();
        TokenResponse first = login("read");
        TokenResponse second = lenient.issue(TokenRequests.refresh(client, refreshTokenOf(first)));

        failureOf(() -> lenient.issue(TokenRequests.refresh(client, refreshTokenOf(first))));

        assertThat(lenient.verifyAccessToken(first.accessToken())).isPresent();
        assertThat(lenient.verifyAccessToken(second.accessToken())).isPresent();
    }

    @Test
    void issueWhenReuseRevocationIsOffThenRecordsReuseDetectedButNoRevocation() {
        TokenService lenient = ports.coreBuilder().revocation(new RevocationSettings(false, false)).build().tokenService();
        TokenResponse first = login("read");
        lenient.issue(TokenRequests.refresh(client, refreshTokenOf(first)));

        failureOf(() -> lenient.issue(TokenRequests.refresh(client, refreshTokenOf(first))));

        ports.events().assertHeard(ReuseDetected.class, 1);
        ports.events().assertNotHeard(Revoked.class);
    }
}
