package dev.tokenservice.core.grant;

import static dev.tokenservice.core.OAuthFailures.errorOf;
import static dev.tokenservice.core.OAuthFailures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.TestAdministrators;
import dev.tokenservice.core.TokenRequests;
import dev.tokenservice.core.TokenService;
import dev.tokenservice.core.TokenServices;
import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ThirdPartyIdentity;
import dev.tokenservice.core.model.ThirdPartySubject;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenListQuery;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.policy.AccountLinkingPolicy;
import dev.tokenservice.core.policy.ThrottleSettings;
import dev.tokenservice.core.port.TokenEventListener.Issued;
import dev.tokenservice.testkit.InMemoryPorts;
import dev.tokenservice.testkit.InMemoryThirdPartyTokenVerifier;
import dev.tokenservice.testkit.TestClients;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThirdPartyTokenGrantStrategyTest {
    private static final GrantType GOOGLE = GrantType.of("google");
    private static final GrantType FACEBOOK = GrantType.of("facebook");
    private static final String SUBJECT = "110169484474386276334";
    private static final Username LINKED = Username.of("google:" + SUBJECT);

    private final Client client = TestClients.confidential()
            .grantTypes(GOOGLE, FACEBOOK, GrantType.REFRESH_TOKEN)
            .build();
    private final InMemoryPorts ports = new InMemoryPorts().with(client);
    private final InMemoryThirdPartyTokenVerifier google = new InMemoryThirdPartyTokenVerifier("google");
    private final InMemoryThirdPartyTokenVerifier facebook = new InMemoryThirdPartyTokenVerifier("facebook");
    private final TokenServices core = ports.coreBuilder()
            .grant(new ThirdPartyTokenGrantStrategy(GOOGLE, google, ports.accountLinker(),
                    AccountLinkingPolicy.createUsersOnFirstSignIn(), ports.throttle()))
            .grant(new ThirdPartyTokenGrantStrategy(FACEBOOK, facebook, ports.accountLinker(),
                    AccountLinkingPolicy.existingLinksOnly(), ports.throttle()))
            .build();
    private final TokenService service = core.tokenService();

    private TokenRequest request(GrantType grantType, Client from, String... namesAndValues) {
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return TokenRequests.request(grantType, from, parameters);
    }

    private void assertNothingStored() {
        assertThat(ports.accounts().findByUsername(LINKED)).isEmpty();
        assertThat(ports.accountLinks().find(ThirdPartySubject.of("google", SUBJECT))).isEmpty();
        assertThat(core.administration().list(TestAdministrators.any(), TokenListQuery.firstPage()).content()).isEmpty();
    }

    @Test
    void issueWhenValidTokenThenAccessTokenActsForTheLinkedUser() {
        String token = google.issue(SUBJECT, "jane@example.com", "Jane");

        TokenResponse response = service.issue(request(GOOGLE, client, TokenRequest.TOKEN, token));

        AccessToken stored = ports.tokens().findAccessToken(TokenDigest.of(response.accessToken())).orElseThrow();
        assertThat(stored.username()).isEqualTo(LINKED);
        assertThat(stored.scope()).isEqualTo(Scope.of("read"));
        assertThat(ports.accounts().findByUsername(LINKED)).isPresent();
        assertThat(service.verifyAccessToken(response.accessToken())).isPresent();
    }

    @Test
    void issueWhenClientMayRefreshThenRefreshTokenThatRefreshesForTheSameUser() {
        String token = google.issue(SUBJECT, null, null);
        TokenResponse first = service.issue(request(GOOGLE, client, TokenRequest.TOKEN, token));

        TokenResponse refreshed = service.issue(TokenRequests.refresh(client, first.refreshToken()));

        AccessToken stored = ports.tokens().findAccessToken(TokenDigest.of(refreshed.accessToken())).orElseThrow();
        assertThat(stored.username()).isEqualTo(LINKED);
    }

    @Test
    void issueWhenClientMayNotRefreshThenNoRefreshToken() {
        Client googleOnly = client.toBuilder().grantTypes(GOOGLE).build();
        ports.clients().save(googleOnly);
        String token = google.issue(SUBJECT, null, null);

        TokenResponse response = service.issue(request(GOOGLE, googleOnly, TokenRequest.TOKEN, token));

        assertThat(response.refreshToken()).isNull();
    }

    @Test
    void issueWhenGrantedThenIssuedEventNamesTheSocialGrant() {
        String token = google.issue(SUBJECT, null, null);

        service.issue(request(GOOGLE, client, TokenRequest.TOKEN, token));

        assertThat(ports.events().assertHeard(Issued.class, 1).get(0).grantType()).isEqualTo(GOOGLE);
    }

    @Test
    void issueWhenSignedInTwiceThenOneUserAndOneLink() {
        service.issue(request(GOOGLE, client, TokenRequest.TOKEN, google.issue(SUBJECT, null, null)));

        service.issue(request(GOOGLE, client, TokenRequest.TOKEN, google.issue(SUBJECT, null, null)));

        assertThat(ports.accountLinks().findByUsername(LINKED)).hasSize(1);
        assertThat(core.administration().list(TestAdministrators.any(), TokenListQuery.firstPage()).content()).hasSize(2);
    }

    @Test
    void issueWhenTokenMissingThenInvalidRequestAndProviderNotAsked() {
        OAuthError error = errorOf(() -> service.issue(request(GOOGLE, client)));

        assertThat(error).isEqualTo(OAuthError.INVALID_REQUEST);
        assertThat(google.calls()).isZero();
    }

    @Test
    void issueWhenTokenRejectedThenInvalidGrantAndNothingStored() {
        OAuthException failure = failureOf(() -> service.issue(request(GOOGLE, client, TokenRequest.TOKEN, "forged")));

        assertThat(failure.error()).isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(failure.description()).doesNotContain("forged");
        assertNothingStored();
    }

    @Test
    void issueWhenProviderDownThenTemporarilyUnavailableAndNothingStored() {
        String token = google.issue(SUBJECT, null, null);
        google.goDown();

        OAuthError error = errorOf(() -> service.issue(request(GOOGLE, client, TokenRequest.TOKEN, token)));

        assertThat(error).isEqualTo(OAuthError.TEMPORARILY_UNAVAILABLE);
        assertNothingStored();
    }

    @Test
    void issueWhenTokensRefusedUpToTheSharedThresholdThenThrottledWithoutAskingTheProvider() {
        for (int i = 0; i < ThrottleSettings.DEFAULT.sharedFailures(); i++) {
            errorOf(() -> service.issue(request(GOOGLE, client, TokenRequest.TOKEN, "forged")));
        }
        int calls = google.calls();

        OAuthException refused = failureOf(() -> service.issue(
                request(GOOGLE, client, TokenRequest.TOKEN, google.issue(SUBJECT, null, null))));

        assertThat(refused.error()).isEqualTo(OAuthError.TEMPORARILY_UNAVAILABLE);
        assertThat(refused.retryAfter()).isEqualTo(ThrottleSettings.DEFAULT.firstDelay());
        assertThat(google.calls()).isEqualTo(calls);
        assertNothingStored();
    }

    @Test
    void issueWhenProviderIsDownThenTheFailureIsNotCounted() {
        String token = google.issue(SUBJECT, null, null);
        google.goDown();
        for (int i = 0; i < ThrottleSettings.DEFAULT.sharedFailures() + 5; i++) {
            errorOf(() -> service.issue(request(GOOGLE, client, TokenRequest.TOKEN, token)));
        }
        google.comeBack();

        TokenResponse response = service.issue(request(GOOGLE, client, TokenRequest.TOKEN, token));

        assertThat(service.verifyAccessToken(response.accessToken())).isPresent();
    }

    @Test
    void issueWhenGoogleIsThrottledThenFacebookOfTheSameClientIsNot() {
        for (int i = 0; i < ThrottleSettings.DEFAULT.sharedFailures(); i++) {
            errorOf(() -> service.issue(request(GOOGLE, client, TokenRequest.TOKEN, "forged")));
        }

        OAuthError error = errorOf(() -> service.issue(request(FACEBOOK, client, TokenRequest.TOKEN, "forged")));

        assertThat(error).isEqualTo(OAuthError.INVALID_GRANT);
    }

    @Test
    void issueWhenProviderBackThenTheSameTokenIsAccepted() {
        String token = google.issue(SUBJECT, null, null);
        google.goDown();
        errorOf(() -> service.issue(request(GOOGLE, client, TokenRequest.TOKEN, token)));
        google.comeBack();

        TokenResponse response = service.issue(request(GOOGLE, client, TokenRequest.TOKEN, token));

        assertThat(service.verifyAccessToken(response.accessToken())).isPresent();
    }

    @Test
    void issueWhenScopeNotAllowedThenInvalidScopeAndProviderNotAsked() {
        String token = google.issue(SUBJECT, null, null);

        OAuthError error = errorOf(() -> service.issue(
                request(GOOGLE, client, TokenRequest.TOKEN, token, TokenRequest.SCOPE, "admin")));

        assertThat(error).isEqualTo(OAuthError.INVALID_SCOPE);
        assertThat(google.calls()).isZero();
    }

    @Test
    void issueWhenClientNotAllowedTheGrantThenUnauthorizedClientAndProviderNotAsked() {
        Client passwordOnly = client.toBuilder().grantTypes(GrantType.PASSWORD).build();
        ports.clients().save(passwordOnly);
        String token = google.issue(SUBJECT, null, null);

        OAuthError error = errorOf(() -> service.issue(request(GOOGLE, passwordOnly, TokenRequest.TOKEN, token)));

        assertThat(error).isEqualTo(OAuthError.UNAUTHORIZED_CLIENT);
        assertThat(google.calls()).isZero();
    }

    @Test
    void issueWhenUnknownSocialGrantThenUnsupportedGrantType() {
        GrantType twitter = GrantType.of("twitter");
        Client withTwitter = client.toBuilder().grantTypes(twitter).build();
        ports.clients().save(withTwitter);

        OAuthError error = errorOf(() -> service.issue(request(twitter, withTwitter, TokenRequest.TOKEN, "t")));

        assertThat(error).isEqualTo(OAuthError.UNSUPPORTED_GRANT_TYPE);
    }

    @Test
    void issueWhenNonceMatchesThenIssued() {
        String token = google.issue(ThirdPartyIdentity.of("google", SUBJECT), "n-0S6_WzA2Mj");

        TokenResponse response = service.issue(request(GOOGLE, client, TokenRequest.TOKEN, token,
                ThirdPartyTokenGrantStrategy.NONCE, "n-0S6_WzA2Mj"));

        assertThat(response.accessToken()).isNotNull();
    }

    @Test
    void issueWhenNonceDiffersThenInvalidGrantAndNothingStored() {
        String token = google.issue(ThirdPartyIdentity.of("google", SUBJECT), "n-0S6_WzA2Mj");

        OAuthError error = errorOf(() -> service.issue(request(GOOGLE, client, TokenRequest.TOKEN, token,
                ThirdPartyTokenGrantStrategy.NONCE, "another")));

        assertThat(error).isEqualTo(OAuthError.INVALID_GRANT);
        assertNothingStored();
    }

    @Test
    void issueWhenUnlinkedAndProviderCreatesNoUsersThenInvalidGrant() {
        String token = facebook.issue("10", "john@example.com", "John");

        OAuthError error = errorOf(() -> service.issue(request(FACEBOOK, client, TokenRequest.TOKEN, token)));

        assertThat(error).isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(ports.accounts().findByUsername(Username.of("facebook:10"))).isEmpty();
    }

    @Test
    void issueWhenCreatedUserTriesThePasswordGrantThenInvalidGrant() {
        service.issue(request(GOOGLE, client, TokenRequest.TOKEN, google.issue(SUBJECT, null, null)));
        Client withPassword = client.toBuilder().grantTypes(GOOGLE, GrantType.PASSWORD).build();
        ports.clients().save(withPassword);

        OAuthError error = errorOf(() -> service.issue(TokenRequests.password(withPassword, LINKED, "$none$")));

        assertThat(error).isEqualTo(OAuthError.INVALID_GRANT);
    }

    @Test
    void grantTypesWhenSocialGrantsRegisteredThenListed() {
        assertThat(service.grantTypes()).contains(GOOGLE, FACEBOOK, GrantType.PASSWORD);
    }
}
