package dev.tokenservice.core.grant;

import static dev.tokenservice.core.OAuthFailures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.TokenRequests;
import dev.tokenservice.core.TokenService;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.policy.IssuanceSettings;
import dev.tokenservice.core.policy.RefreshFamilySettings;
import dev.tokenservice.core.policy.TokenLifetimes;
import dev.tokenservice.testkit.InMemoryPorts;
import dev.tokenservice.testkit.TestClients;
import dev.tokenservice.testkit.TestUsers;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A refresh-token family ends a fixed time after its first grant, however often it rotates. */
class RefreshFamilyLifetimeTest {
    private static final Duration DAY = Duration.ofDays(1);
    private final Client client = TestClients.confidential().build();
    private final Client shortLived = TestClients.confidential()
            .refreshFamilyLifetime(Duration.ofDays(2)).build();

    private TokenService service(InMemoryPorts ports, RefreshFamilySettings families) {
        return ports.coreBuilder()
                .issuance(IssuanceSettings.DEFAULT
                        .withLifetimes(new TokenLifetimes(Duration.ofHours(1), Duration.ofDays(3)))
                        .withRefreshFamilies(families))
                .build().tokenService();
    }

    private static TokenResponse login(TokenService service, Client client) {
        return service.issue(TokenRequests.password(client, TestUsers.ALICE, TestUsers.ALICE_PASSWORD));
    }

    private static RefreshToken stored(InMemoryPorts ports, TokenResponse response) {
        return ports.tokens().findRefreshToken(TokenDigest.of(response.refreshToken())).orElseThrow();
    }

    @Test
    void issueWhenFamilyRotatesThenEveryMemberKeepsTheFirstGrantsTime() {
        InMemoryPorts ports = new InMemoryPorts().with(client).with(TestUsers.alice());
        TokenService service = service(ports, RefreshFamilySettings.DEFAULT.withMaxLifetime(Duration.ofDays(10)));
        TokenResponse first = login(service, client);
        Instant firstGrant = ports.clock().instant();
        ports.clock().advance(DAY);

        TokenResponse second = service.issue(TokenRequests.refresh(client, first.refreshToken()));

        assertThat(stored(ports, second).familyIssuedAt()).isEqualTo(firstGrant);
    }

    @Test
    void issueWhenRotationNearsTheFamilysEndThenTheNewRefreshTokenExpiresWithTheFamily() {
        InMemoryPorts ports = new InMemoryPorts().with(client).with(TestUsers.alice());
        TokenService service = service(ports, RefreshFamilySettings.DEFAULT.withMaxLifetime(Duration.ofDays(4)));
        Instant firstGrant = ports.clock().instant();
        TokenResponse first = login(service, client);
        ports.clock().advance(DAY.multipliedBy(2));

        TokenResponse second = service.issue(TokenRequests.refresh(client, first.refreshToken()));

        assertThat(stored(ports, second).expiresAt()).isEqualTo(firstGrant.plus(Duration.ofDays(4)));
    }

    @Test
    void issueWhenFamilyOutlivedItsLifetimeThenInvalidGrantAndTheUserMustSignInAgain() {
        InMemoryPorts ports = new InMemoryPorts().with(client).with(TestUsers.alice());
        TokenService service = service(ports, RefreshFamilySettings.DEFAULT.withMaxLifetime(Duration.ofDays(4)));
        TokenResponse token = login(service, client);
        for (int day = 0; day < 3; day++) {
            ports.clock().advance(DAY);
            token = service.issue(TokenRequests.refresh(client, token.refreshToken()));
        }
        TokenResponse last = token;
        ports.clock().advance(DAY);

        OAuthException failure = failureOf(() -> service.issue(TokenRequests.refresh(client, last.refreshToken())));

        assertThat(failure.error()).isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(login(service, client).refreshToken()).isNotNull();
    }

    @Test
    void issueWhenLifetimeShrankAfterTheGrantThenTheFamilyEndsAtTheNewLimit() {
        InMemoryPorts ports = new InMemoryPorts().with(client).with(TestUsers.alice());
        TokenResponse first = login(service(ports, RefreshFamilySettings.DEFAULT.withMaxLifetime(null)), client);
        ports.clock().advance(Duration.ofDays(2));
        TokenService tightened = service(ports, RefreshFamilySettings.DEFAULT.withMaxLifetime(Duration.ofDays(1)));

        OAuthException failure = failureOf(() -> tightened.issue(TokenRequests.refresh(client, first.refreshToken())));

        assertThat(failure.error()).isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(failure.description()).isEqualTo(RefreshTokenGrantStrategy.FAMILY_ENDED);
    }

    @Test
    void issueWhenClientOverridesTheFamilyLifetimeThenItsFamiliesEndSooner() {
        InMemoryPorts ports = new InMemoryPorts().with(shortLived).with(TestUsers.alice());
        TokenService service = service(ports, RefreshFamilySettings.DEFAULT.withMaxLifetime(Duration.ofDays(30)));
        Instant firstGrant = ports.clock().instant();

        TokenResponse first = login(service, shortLived);

        assertThat(stored(ports, first).expiresAt()).isEqualTo(firstGrant.plus(Duration.ofDays(2)));
    }

    @Test
    void issueWhenFamiliesDoNotEndThenRotationContinuesPastAnyLimit() {
        InMemoryPorts ports = new InMemoryPorts().with(client).with(TestUsers.alice());
        TokenService service = service(ports, RefreshFamilySettings.DEFAULT.withMaxLifetime(null));
        TokenResponse token = login(service, client);

        for (int day = 0; day < 200; day += 2) {
            ports.clock().advance(Duration.ofDays(2));
            token = service.issue(TokenRequests.refresh(client, token.refreshToken()));
        }

        assertThat(token.refreshToken()).isNotNull();
    }
}
