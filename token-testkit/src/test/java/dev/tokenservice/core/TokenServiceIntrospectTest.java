package dev.tokenservice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tokenservice.core.crypto.Sha256SecretHasher;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientAuthentication;
import dev.tokenservice.core.model.ClientSecret;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Introspection;
import dev.tokenservice.core.model.IntrospectionRequest;
import dev.tokenservice.core.model.RevocationRequest;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.model.TokenTypeHint;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.policy.TokenLifetimes;
import dev.tokenservice.testkit.InMemoryPorts;
import dev.tokenservice.testkit.MutableClock;
import dev.tokenservice.testkit.TestClients;
import dev.tokenservice.testkit.TestUsers;
import org.junit.jupiter.api.Test;

/** Token introspection (RFC 7662 §2.2): live tokens are described, everything else is simply inactive. */
class TokenServiceIntrospectTest {
    private final Client client = TestClients.confidential().build();
    private final Client resourceServer = Client.builder("orders.api")
            .secretHash(new Sha256SecretHasher().hash(TestClients.SECRET)).grantTypes(GrantType.CLIENT_CREDENTIALS).build();
    private final Client publicClient = TestClients.publicClient().build();
    private final Client adminClient = TestClients.admin().build();
    private final InMemoryPorts ports = new InMemoryPorts().with(client, resourceServer, publicClient, adminClient)
            .with(TestUsers.alice());
    private final TokenServices core = ports.core();
    private final TokenService service = core.tokenService();

    private Introspection byResourceServer(TokenValue token) {
        return service.introspect(TokenRequests.introspection(resourceServer, token));
    }

    private TokenResponse login() {
        return service.issue(TokenRequests.password(client, TestUsers.ALICE, TestUsers.ALICE_PASSWORD, "read write"));
    }

    @Test
    void introspectWhenAccessTokenIsLiveThenDescribesIt() {
        TokenResponse issued = login();

        Introspection introspection = byResourceServer(issued.accessToken());

        assertThat(introspection).isEqualTo(new Introspection(true, TokenTypeHint.ACCESS_TOKEN, client.clientId(),
                TestUsers.ALICE, Scope.of("read", "write"), MutableClock.DEFAULT_START,
                MutableClock.DEFAULT_START.plus(TokenLifetimes.DEFAULT.accessToken())));
    }

    @Test
    void introspectWhenClientTokenThenHasNoUsername() {
        TokenResponse issued = service.issue(TokenRequests.clientCredentials(client));

        Introspection introspection = byResourceServer(issued.accessToken());

        assertThat(introspection.active()).isTrue();
        assertThat(introspection.username()).isNull();
    }

    @Test
    void introspectWhenRefreshTokenIsUnusedThenDescribesIt() {
        TokenResponse issued = login();

        Introspection introspection = byResourceServer(issued.refreshToken());

        assertThat(introspection).isEqualTo(new Introspection(true, TokenTypeHint.REFRESH_TOKEN, client.clientId(),
                TestUsers.ALICE, Scope.of("read", "write"), MutableClock.DEFAULT_START,
                MutableClock.DEFAULT_START.plus(TokenLifetimes.DEFAULT.refreshToken())));
    }

    @Test
    void introspectWhenRefreshTokenWasUsedThenInactive() {
        TokenResponse issued = login();
        service.issue(TokenRequests.refresh(client, issued.refreshToken()));

        Introspection introspection = byResourceServer(issued.refreshToken());

        assertThat(introspection).isEqualTo(Introspection.INACTIVE);
    }

    @Test
    void introspectWhenAccessTokenExpiredThenInactive() {
        TokenResponse issued = login();
        ports.clock().advance(issued.expiresIn());

        Introspection introspection = byResourceServer(issued.accessToken());

        assertThat(introspection).isEqualTo(Introspection.INACTIVE);
    }

    @Test
    void introspectWhenAccessTokenAboutToExpireThenActive() {
        TokenResponse issued = login();
        ports.clock().advance(issued.expiresIn().minusMillis(1));

        Introspection introspection = byResourceServer(issued.accessToken());

        assertThat(introspection.active()).isTrue();
    }

    @Test
    void introspectWhenRefreshTokenExpiredThenInactive() {
        TokenResponse issued = login();
        ports.clock().advance(TokenLifetimes.DEFAULT.refreshToken());

        Introspection introspection = byResourceServer(issued.refreshToken());

        assertThat(introspection).isEqualTo(Introspection.INACTIVE);
    }

    @Test
    void introspectWhenAccessTokenRevokedThenInactive() {
        TokenResponse issued = login();
        service.revoke(new RevocationRequest(TestClients.credentials(client), issued.accessToken()));

        Introspection introspection = byResourceServer(issued.accessToken());

        assertThat(introspection).isEqualTo(Introspection.INACTIVE);
    }

    @Test
    void introspectWhenRefreshTokenRevokedThenInactive() {
        TokenResponse issued = login();
        service.revoke(new RevocationRequest(TestClients.credentials(client), issued.refreshToken()));

        Introspection introspection = byResourceServer(issued.refreshToken());

        assertThat(introspection).isEqualTo(Introspection.INACTIVE);
    }

    @Test
    void introspectWhenTokenIsUnknownThenInactive() {
        Introspection introspection = byResourceServer(TokenValue.of("no-such-token"));

        assertThat(introspection).isEqualTo(Introspection.INACTIVE);
    }

    @Test
    void introspectWhenClientWasDeletedThenInactive() {
        TokenResponse issued = login();
        ports.clients().delete(client.clientId());

        Introspection introspection = byResourceServer(issued.accessToken());

        assertThat(introspection).isEqualTo(Introspection.INACTIVE);
    }

    @Test
    void introspectWhenUserWasDeletedThenAccessAndRefreshTokenInactive() {
        TokenResponse issued = login();
        ports.accounts().delete(TestUsers.ALICE);

        assertThat(byResourceServer(issued.accessToken())).isEqualTo(Introspection.INACTIVE);
        assertThat(byResourceServer(issued.refreshToken())).isEqualTo(Introspection.INACTIVE);
    }

    @Test
    void introspectWhenPublicClientAsksThenInvalidClient() {
        TokenResponse issued = login();

        Throwable thrown = catchThrowable(() -> service.introspect(
                new IntrospectionRequest(ClientAuthentication.none(publicClient.clientId()), issued.accessToken())));

        assertThat(thrown).isInstanceOfSatisfying(OAuthException.class,
                e -> assertThat(e.error()).isEqualTo(OAuthError.INVALID_CLIENT));
    }

    @Test
    void introspectWhenSecretIsWrongThenInvalidClient() {
        TokenResponse issued = login();
        ClientAuthentication wrong = ClientAuthentication.post(resourceServer.clientId(), ClientSecret.of("wrong"));

        Throwable thrown = catchThrowable(() -> service.introspect(new IntrospectionRequest(wrong, issued.accessToken())));

        assertThat(thrown).isInstanceOfSatisfying(OAuthException.class,
                e -> assertThat(e.error()).isEqualTo(OAuthError.INVALID_CLIENT));
    }

    @Test
    void introspectWhenAdministratorAsksThenDescribesTheToken() {
        TokenResponse issued = login();
        Administrator admin = core.administration()
                .authorize(service.issue(TokenRequests.clientCredentials(adminClient)).accessToken());

        Introspection introspection = service.introspect(admin, issued.accessToken());

        assertThat(introspection).isEqualTo(byResourceServer(issued.accessToken()));
        assertThat(introspection.active()).isTrue();
    }
}
