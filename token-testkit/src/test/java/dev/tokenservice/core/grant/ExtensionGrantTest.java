package dev.tokenservice.core.grant;

import static dev.tokenservice.core.OAuthFailures.errorOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.TokenRequests;
import dev.tokenservice.core.TokenService;
import dev.tokenservice.core.TokenServices;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.TokenPrincipal;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.policy.ScopePolicy;
import dev.tokenservice.testkit.InMemoryPorts;
import dev.tokenservice.testkit.TestClients;
import dev.tokenservice.testkit.TestUsers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An embedder's own grant type (RFC 6749 §4.5), registered through the builder without touching the core. */
class ExtensionGrantTest {
    private static final GrantType JWT_BEARER = GrantType.of("urn:ietf:params:oauth:grant-type:jwt-bearer");
    private static final String KNOWN_ASSERTION = "signed-assertion-for-alice";

    private final Client client = TestClients.confidential()
            .grantTypes(JWT_BEARER, GrantType.REFRESH_TOKEN)
            .build();
    private final InMemoryPorts ports = new InMemoryPorts().with(client).with(TestUsers.alice());
    private final TokenService service = ports.coreBuilder().grant(new KnownAssertionGrantStrategy()).build().tokenService();

    private TokenRequest assertionRequest(String assertion) {
        return TokenRequests.request(JWT_BEARER, client, Map.of("assertion", assertion));
    }

    @Test
    void issueWhenAssertionIsAcceptedThenIssuesAccessTokenForItsSubject() {
        TokenResponse response = service.issue(assertionRequest(KNOWN_ASSERTION));

        TokenPrincipal principal = service.verifyAccessToken(response.accessToken()).orElseThrow();
        assertThat(principal.token().username()).isEqualTo(TestUsers.ALICE);
        assertThat(principal.token().clientId()).isEqualTo(client.clientId());
    }

    @Test
    void issueWhenAssertionIsAcceptedThenGrantsTheDecidedScope() {
        TokenResponse response = service.issue(assertionRequest(KNOWN_ASSERTION));

        assertThat(response.scope()).isEqualTo(client.defaultScopes());
    }

    @Test
    void issueWhenClientMayRefreshThenExtensionGrantComesWithUsableRefreshToken() {
        TokenResponse response = service.issue(assertionRequest(KNOWN_ASSERTION));

        TokenResponse refreshed = service.issue(TokenRequests.refresh(client, response.refreshToken()));

        assertThat(refreshed.refreshToken()).isNotNull();
    }

    @Test
    void issueWhenAssertionIsWrongThenInvalidGrant() {
        OAuthError error = errorOf(() -> service.issue(assertionRequest("forged-assertion")));

        assertThat(error).isEqualTo(OAuthError.INVALID_GRANT);
    }

    @Test
    void issueWhenAssertionIsMissingThenInvalidRequest() {
        TokenRequest request = TokenRequests.request(JWT_BEARER, client, Map.of());

        OAuthError error = errorOf(() -> service.issue(request));

        assertThat(error).isEqualTo(OAuthError.INVALID_REQUEST);
    }

    @Test
    void issueWhenClientMayNotUseTheExtensionGrantThenUnauthorizedClient() {
        ports.clients().save(client.toBuilder().grantTypes(GrantType.CLIENT_CREDENTIALS).build());

        OAuthError error = errorOf(() -> service.issue(assertionRequest(KNOWN_ASSERTION)));

        assertThat(error).isEqualTo(OAuthError.UNAUTHORIZED_CLIENT);
    }

    @Test
    void issueWhenExtensionGrantIsNotRegisteredThenUnsupportedGrantType() {
        TokenService withoutExtension = ports.core().tokenService();

        OAuthError error = errorOf(() -> withoutExtension.issue(assertionRequest(KNOWN_ASSERTION)));

        assertThat(error).isEqualTo(OAuthError.UNSUPPORTED_GRANT_TYPE);
    }

    @Test
    void grantTypesWhenExtensionRegisteredThenListsItBesideTheBuiltInGrants() {
        assertThat(service.grantTypes()).containsExactlyInAnyOrder(
                GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD, GrantType.REFRESH_TOKEN, JWT_BEARER);
    }

    @Test
    void buildWhenTwoStrategiesShareAnExtensionGrantTypeThenIllegalStateException() {
        TokenServices.Builder builder = ports.coreBuilder()
                .grant(new KnownAssertionGrantStrategy())
                .grant(new KnownAssertionGrantStrategy());

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void buildWhenStrategyDuplicatesTheBuiltInPasswordGrantThenIllegalStateException() {
        TokenServices.Builder builder = ports.coreBuilder()
                .grant(new PasswordGrantStrategy(ports.users(), new ScopePolicy(), ports.events(),
                        ports.throttle()));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
    }

    /** Accepts one known assertion, standing for a verified JWT whose subject is Alice (RFC 7523 §2.1). */
    private static final class KnownAssertionGrantStrategy implements GrantStrategy {
        private final ScopePolicy scopes = new ScopePolicy();

        @Override
        public GrantType grantType() {
            return JWT_BEARER;
        }

        @Override
        public Grant grant(Client client, TokenRequest request) {
            String assertion = request.parameter("assertion")
                    .orElseThrow(() -> OAuthException.invalidRequest("assertion is required"));
            if (!MessageDigest.isEqual(assertion.getBytes(StandardCharsets.UTF_8),
                    KNOWN_ASSERTION.getBytes(StandardCharsets.UTF_8))) {
                throw OAuthException.invalidGrant("assertion is not valid");
            }
            Scope scope = scopes.resolve(client, request);
            return Grant.forUser(grantType(), TestUsers.ALICE, scope);
        }
    }
}
