package dev.tokenservice.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.Introspection;
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
    private final InMemoryPorts ports = new InMemoryPorts().with(client).with(TestUsers.alice());
    private final TokenService service = ports.core().tokenService();

    private TokenResponse login() {
        return service.issue(TokenRequests.password(client, TestUsers.ALICE, TestUsers.ALICE_PASSWORD, "read write"));
    }

    @Test
    void introspectWhenAccessTokenIsLiveThenDescribesIt() {
        TokenResponse issued = login();

        Introspection introspection = service.introspect(issued.accessToken());

        assertThat(introspection).isEqualTo(new Introspection(true, TokenTypeHint.ACCESS_TOKEN, client.clientId(),
                TestUsers.ALICE, Scope.of("read", "write"), MutableClock.DEFAULT_START,
                MutableClock.DEFAULT_START.plus(TokenLifetimes.DEFAULT.accessToken())));
    }

    @Test
    void introspectWhenClientTokenThenHasNoUsername() {
        TokenResponse issued = service.issue(TokenRequests.clientCredentials(client));

        Introspection introspection = service.introspect(issued.accessToken());

        assertThat(introspection.active()).isTrue();
        assertThat(introspection.username()).isNull();
    }

    @Test
    void introspectWhenRefreshTokenIsUnusedThenDescribesIt() {
        TokenResponse issued = login();

        Introspection introspection = service.introspect(issued.refreshToken());

        assertThat(introspection).isEqualTo(new Introspection(true, TokenTypeHint.REFRESH_TOKEN, client.clientId(),
                TestUsers.ALICE, Scope.of("read", "write"), MutableClock.DEFAULT_START,
                MutableClock.DEFAULT_START.plus(TokenLifetimes.DEFAULT.refreshToken())));
    }

    @Test
    void introspectWhenRefreshTokenWasUsedThenInactive() {
        TokenResponse issued = login();
        service.issue(TokenRequests.refresh(client, issued.refreshToken()));

        Introspection introspection = service.introspect(issued.refreshToken());

        assertThat(introspection).isEqualTo(Introspection.INACTIVE);
    }

    @Test
    void introspectWhenAccessTokenExpiredThenInactive() {
        TokenResponse issued = login();
        ports.clock().advance(issued.expiresIn());

        Introspection introspection = service.introspect(issued.accessToken());

        assertThat(introspection).isEqualTo(Introspection.INACTIVE);
    }

    @Test
    void introspectWhenAccessTokenAboutToExpireThenActive() {
        TokenResponse issued = login();
        ports.clock().advance(issued.expiresIn().minusMillis(1));

        Introspection introspection = service.introspect(issued.accessToken());

        assertThat(introspection.active()).isTrue();
    }

    @Test
    void introspectWhenRefreshTokenExpiredThenInactive() {
        TokenResponse issued = login();
        ports.clock().advance(TokenLifetimes.DEFAULT.refreshToken());

        Introspection introspection = service.introspect(issued.refreshToken());

        assertThat(introspection).isEqualTo(Introspection.INACTIVE);
    }

    @Test
    void introspectWhenAccessTokenRevokedThenInactive() {
        TokenResponse issued = login();
        service.revoke(TestClients.credentials(client), issued.accessToken());

        Introspection introspection = service.introspect(issued.accessToken());

        assertThat(introspection).isEqualTo(Introspection.INACTIVE);
    }

    @Test
    void introspectWhenRefreshTokenRevokedThenInactive() {
        TokenResponse issued = login();
        service.revoke(TestClients.credentials(client), issued.refreshToken());

        Introspection introspection = service.introspect(issued.refreshToken());

        assertThat(introspection).isEqualTo(Introspection.INACTIVE);
    }

    @Test
    void introspectWhenTokenIsUnknownThenInactive() {
        Introspection introspection = service.introspect(TokenValue.of("no-such-token"));

        assertThat(introspection).isEqualTo(Introspection.INACTIVE);
    }

    @Test
    void introspectWhenClientWasDeletedThenInactive() {
        TokenResponse issued = login();
        ports.clients().delete(client.clientId());

        Introspection introspection = service.introspect(issued.accessToken());

        assertThat(introspection).isEqualTo(Introspection.INACTIVE);
    }

    @Test
    void introspectWhenUserWasDeletedThenAccessAndRefreshTokenInactive() {
        TokenResponse issued = login();
        ports.accounts().delete(TestUsers.ALICE);

        assertThat(service.introspect(issued.accessToken())).isEqualTo(Introspection.INACTIVE);
        assertThat(service.introspect(issued.refreshToken())).isEqualTo(Introspection.INACTIVE);
    }
}
