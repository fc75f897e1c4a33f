package dev.tokenservice.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.TokenPrincipal;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.model.UserAccount;
import dev.tokenservice.testkit.InMemoryPorts;
import dev.tokenservice.testkit.TestClients;
import dev.tokenservice.testkit.TestUsers;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Bearer verification (RFC 6750): who a live access token speaks for, with authorities read fresh. */
class TokenServiceVerifyTest {
    private static final Authority ORDERS_READ = Authority.of("ORDERS_READ");

    private final Client admin = TestClients.admin().build();
    private final Client userFacing = TestClients.confidential().authorities(Authority.TOKENS_ADMIN).build();
    private final UserAccount carol = TestUsers.user("carol", "carol-password", ORDERS_READ);
    private final InMemoryPorts ports = new InMemoryPorts().with(admin, userFacing).with(carol);
    private final TokenService service = ports.core().tokenService();

    private TokenResponse carolLogin() {
        return service.issue(TokenRequests.password(userFacing, carol.username(), "carol-password"));
    }

    @Test
    void verifyAccessTokenWhenLiveThenReturnsItsSummary() {
        TokenResponse issued = carolLogin();

        TokenPrincipal principal = service.verifyAccessToken(issued.accessToken()).orElseThrow();

        assertThat(principal.token().clientId()).isEqualTo(userFacing.clientId());
        assertThat(principal.token().username()).isEqualTo(carol.username());
        assertThat(principal.token().scope()).isEqualTo(issued.scope());
    }

    @Test
    void verifyAccessTokenWhenUserTokenThenAuthoritiesAreTheUsersNotTheClients() {
        TokenResponse issued = carolLogin();

        TokenPrincipal principal = service.verifyAccessToken(issued.accessToken()).orElseThrow();

        assertThat(principal.authorities()).containsExactly(ORDERS_READ);
    }

    @Test
    void verifyAccessTokenWhenClientTokenThenAuthoritiesAreTheClients() {
        TokenResponse issued = service.issue(TokenRequests.clientCredentials(admin));

        TokenPrincipal principal = service.verifyAccessToken(issued.accessToken()).orElseThrow();

        assertThat(principal.authorities()).containsExactly(Authority.TOKENS_ADMIN);
    }

    @Test
    void verifyAccessTokenWhenClientLosesAuthorityThenTokenLosesItAtOnce() {
        TokenResponse issued = service.issue(TokenRequests.clientCredentials(admin));
        ports.clients().save(admin.toBuilder().authorities().build());

        TokenPrincipal principal = service.verifyAccessToken(issued.accessToken()).orElseThrow();

        assertThat(principal.hasAuthority(Authority.TOKENS_ADMIN)).isFalse();
    }

    @Test
    void verifyAccessTokenWhenTheUsersClientWasDeletedThenEmpty() {
        TokenResponse issued = carolLogin();
        ports.clients().delete(userFacing.clientId());

        Optional<TokenPrincipal> principal = service.verifyAccessToken(issued.accessToken());

        assertThat(principal).isEmpty();
    }

    @Test
    void verifyAccessTokenWhenUserGainsAuthorityThenTokenGainsItAtOnce() {
        TokenResponse issued = carolLogin();
        ports.accounts().save(new UserAccount(carol.username(), carol.passwordHash(),
                Set.of(ORDERS_READ, Authority.TOKENS_ADMIN)));

        TokenPrincipal principal = service.verifyAccessToken(issued.accessToken()).orElseThrow();

        assertThat(principal.authorities()).containsExactlyInAnyOrder(ORDERS_READ, Authority.TOKENS_ADMIN);
    }

    @Test
    void verifyAccessTokenWhenUserWasDeletedThenEmpty() {
        TokenResponse issued = carolLogin();
        ports.accounts().delete(carol.username());

        Optional<TokenPrincipal> principal = service.verifyAccessToken(issued.accessToken());

        assertThat(principal).isEmpty();
    }

    @Test
    void verifyAccessTokenWhenClientWasDeletedThenClientTokenIsEmpty() {
        TokenResponse issued = service.issue(TokenRequests.clientCredentials(admin));
        ports.clients().delete(admin.clientId());

        Optional<TokenPrincipal> principal = service.verifyAccessToken(issued.accessToken());

        assertThat(principal).isEmpty();
    }

    @Test
    void verifyAccessTokenWhenExpiredThenEmpty() {
        TokenResponse issued = carolLogin();
        ports.clock().advance(issued.expiresIn());

        Optional<TokenPrincipal> principal = service.verifyAccessToken(issued.accessToken());

        assertThat(principal).isEmpty();
    }

    @Test
    void verifyAccessTokenWhenAboutToExpireThenPresent() {
        TokenResponse issued = carolLogin();
        ports.clock().advance(issued.expiresIn().minusMillis(1));

        Optional<TokenPrincipal> principal = service.verifyAccessToken(issued.accessToken());

        assertThat(principal).isPresent();
    }

    @Test
    void verifyAccessTokenWhenRefreshTokenPresentedThenEmpty() {
        TokenResponse issued = carolLogin();

        Optional<TokenPrincipal> principal = service.verifyAccessToken(issued.refreshToken());

        assertThat(principal).isEmpty();
    }

    @Test
    void verifyAccessTokenWhenUnknownThenEmpty() {
        Optional<TokenPrincipal> principal = service.verifyAccessToken(TokenValue.of("no-such-token"));

        assertThat(principal).isEmpty();
    }
}
