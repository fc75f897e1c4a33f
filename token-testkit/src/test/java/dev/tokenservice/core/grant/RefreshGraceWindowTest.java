package dev.tokenservice.core.grant;

import static dev.tokenservice.core.OAuthFailures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.TokenRequests;
import dev.tokenservice.core.TokenService;
import dev.tokenservice.core.crypto.AesGcmTokenSealer;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.SealedSuccessor;
import dev.tokenservice.core.model.SealedToken;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.policy.IssuanceSettings;
import dev.tokenservice.core.policy.RefreshFamilySettings;
import dev.tokenservice.core.policy.RevocationSettings;
import dev.tokenservice.core.port.TokenEventListener.ReuseDetected;
import dev.tokenservice.core.port.TokenSealer;
import dev.tokenservice.testkit.InMemoryPorts;
import dev.tokenservice.testkit.TestClients;
import dev.tokenservice.testkit.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The refresh grace window: a retired refresh token presented again soon after its rotation gets the same successor
 * pair, as long as that pair is untouched; otherwise the reuse outcomes apply as without a window.
 */
class RefreshGraceWindowTest {
    private static final Duration WINDOW = Duration.ofSeconds(30);
    private final Client client = TestClients.confidential().build();
    private final Client graceOff = TestClients.confidential().refreshGraceWindow(Duration.ZERO).build();
    private final InMemoryPorts ports = new InMemoryPorts().with(client).with(TestUsers.alice());
    private final TokenSealer sealer = new AesGcmTokenSealer(new byte[32]);

    private TokenService service(Duration window, RevocationSettings revocation, TokenSealer tokenSealer) {
        return ports.coreBuilder()
                .sealer(tokenSealer)
                .revocation(revocation)
                .issuance(IssuanceSettings.DEFAULT.withRefreshFamilies(
                        RefreshFamilySettings.DEFAULT.withGraceWindow(window)))
                .build().tokenService();
    }

    private TokenService service(Duration window) {
        return service(window, RevocationSettings.DEFAULT, sealer);
    }

    private TokenRequest refreshOfFreshLogin(TokenService service, Client of) {
        TokenResponse login = service.issue(TokenRequests.password(of, TestUsers.ALICE, TestUsers.ALICE_PASSWORD));
        return TokenRequests.refresh(of, login.refreshToken());
    }

    @Test
    void issueWhenRetiredTokenIsPresentedAgainWithinTheWindowThenReturnsTheSameSuccessorPair() {
        TokenService service = service(WINDOW);
        TokenRequest refresh = refreshOfFreshLogin(service, client);
        TokenResponse first = service.issue(refresh);
        ports.clock().advance(Duration.ofSeconds(10));

        TokenResponse again = service.issue(refresh);

        assertThat(again.accessToken()).isEqualTo(first.accessToken());
        assertThat(again.refreshToken()).isEqualTo(first.refreshToken());
        assertThat(again.scope()).isEqualTo(first.scope());
        assertThat(again.expiresIn()).isEqualTo(first.expiresIn().minusSeconds(10));
        assertThat(service.verifyAccessToken(again.accessToken())).isPresent();
        ports.events().assertNotHeard(ReuseDetected.class);
    }

    @Test
    void issueWhenSuccessorHandedBackThenItStillRotatesOnce() {
        TokenService service = service(WINDOW);
        TokenRequest refresh = refreshOfFreshLogin(service, client);
        service.issue(refresh);
        TokenResponse again = service.issue(refresh);

        TokenResponse next = service.issue(TokenRequests.refresh(client, again.refreshToken()));

        assertThat(next.refreshToken()).isNotEqualTo(again.refreshToken());
    }

    @Test
    void issueWhenWindowPassedThenReuseRevokesTheFamily() {
        TokenService service = service(WINDOW);
        TokenRequest refresh = refreshOfFreshLogin(service, client);
        TokenResponse first = service.issue(refresh);
        ports.clock().advance(WINDOW);

        OAuthException failure = failureOf(() -> service.issue(refresh));

        assertThat(failure.description()).isEqualTo(RefreshTokenGrantStrategy.REUSED_FAMILY_REVOKED);
        assertThat(service.verifyAccessToken(first.accessToken())).isEmpty();
    }

    @Test
    void issueWhenSuccessorWasAlreadyUsedThenReuseRevokesTheFamilyEvenWithinTheWindow() {
        TokenService service = service(WINDOW);
        TokenRequest refresh = refreshOfFreshLogin(service, client);
        TokenResponse first = service.issue(refresh);
        TokenResponse second = service.issue(TokenRequests.refresh(client, first.refreshToken()));

        OAuthException failure = failureOf(() -> service.issue(refresh));

        assertThat(failure.description()).isEqualTo(RefreshTokenGrantStrategy.REUSED_FAMILY_REVOKED);
        assertThat(service.verifyAccessToken(second.accessToken())).isEmpty();
        ports.events().assertHeard(ReuseDetected.class, 1);
    }

    @Test
    void issueWhenPolicyKeepsTheFamilyThenWithinTheWindowTheSamePairComesBackAndAfterItTheKeptOutcome() {
        TokenService service = service(WINDOW, new RevocationSettings(false, false), sealer);
        TokenRequest refresh = refreshOfFreshLogin(service, client);
        TokenResponse first = service.issue(refresh);

        TokenResponse again = service.issue(refresh);
        ports.clock().advance(WINDOW);
        OAuthException failure = failureOf(() -> service.issue(refresh));

        assertThat(again).isEqualTo(first);
        assertThat(failure.description()).isEqualTo(RefreshTokenGrantStrategy.REUSED_FAMILY_KEPT);
    }

    @Test
    void issueWhenWindowIsOffThenRetiredTokenPresentedAgainRevokesTheFamily() {
        TokenService service = service(Duration.ZERO);
        TokenRequest refresh = refreshOfFreshLogin(service, client);
        service.issue(refresh);

        OAuthException failure = failureOf(() -> service.issue(refresh));

        assertThat(failure.description()).isEqualTo(RefreshTokenGrantStrategy.REUSED_FAMILY_REVOKED);
    }

    @Test
    void issueWhenWindowIsOffThenNoSuccessorIsStored() {
        TokenService service = service(Duration.ZERO);
        TokenRequest refresh = refreshOfFreshLogin(service, client);

        service.issue(refresh);

        TokenValue retired = refresh.parameter(TokenRequest.REFRESH_TOKEN).map(TokenValue::of).orElseThrow();
        assertThat(ports.tokens().findSuccessor(TokenDigest.of(retired))).isEmpty();
    }

    @Test
    void issueWhenClientTurnsTheWindowOffThenItsRetiredTokensCountAsReuse() {
        ports.with(graceOff);
        TokenService service = service(WINDOW);
        TokenRequest refresh = refreshOfFreshLogin(service, graceOff);
        service.issue(refresh);

        OAuthException failure = failureOf(() -> service.issue(refresh));

        assertThat(failure.description()).isEqualTo(RefreshTokenGrantStrategy.REUSED_FAMILY_REVOKED);
    }

    @Test
    void issueWhenSealingIsOffThenTheWindowStillHandsBackTheSamePair() {
        TokenService service = service(WINDOW, RevocationSettings.DEFAULT, TokenSealer.NONE);
        TokenRequest refresh = refreshOfFreshLogin(service, client);
        TokenResponse first = service.issue(refresh);

        TokenResponse again = service.issue(refresh);

        assertThat(again).isEqualTo(first);
    }

    @Test
    void issueWhenSuccessorSealedUnderAKeyNoLongerInTheRingThenReuse() {
        TokenRequest refresh = refreshOfFreshLogin(service(WINDOW), client);
        service(WINDOW).issue(refresh);
        TokenService rotatedKey = service(WINDOW, RevocationSettings.DEFAULT, new AesGcmTokenSealer(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
            31, 32}));

        OAuthException failure = failureOf(() -> rotatedKey.issue(refresh));

        assertThat(failure.error()).isEqualTo(OAuthError.INVALID_GRANT);
    }

    @Test
    void storedSuccessorWhenReadWithoutTheRetiredTokensValueThenRevealsNoTokenValue() {
        TokenService service = service(WINDOW, RevocationSettings.DEFAULT, TokenSealer.NONE);
        TokenResponse login = service.issue(TokenRequests.password(client, TestUsers.ALICE, TestUsers.ALICE_PASSWORD));
        TokenResponse first = service.issue(TokenRequests.refresh(client, login.refreshToken()));

        SealedSuccessor stored = ports.tokens().findSuccessor(TokenDigest.of(login.refreshToken())).orElseThrow();

        assertThat(stored.value()).doesNotContain(first.accessToken().value(), first.refreshToken().value());
        // Even without sealing, the key is derived from the retired token's value, which the store never holds.
        assertThat(new AesGcmTokenSealer(new byte[32]).unseal(new SealedToken(stored.value()))).isEmpty();
    }
}
