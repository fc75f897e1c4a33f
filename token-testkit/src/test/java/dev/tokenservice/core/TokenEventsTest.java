package dev.tokenservice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tokenservice.core.crypto.AesGcmTokenSealer;
import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientAuthentication;
import dev.tokenservice.core.model.ClientSecret;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.HolderSelector;
import dev.tokenservice.core.model.IntrospectionRequest;
import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.RevocationRequest;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.port.TokenEventListener.AuthenticationFailed;
import dev.tokenservice.core.port.TokenEventListener.Issued;
import dev.tokenservice.core.port.TokenEventListener.Refreshed;
import dev.tokenservice.core.port.TokenEventListener.ReuseDetected;
import dev.tokenservice.core.port.TokenEventListener.Revoked;
import dev.tokenservice.testkit.InMemoryPorts;
import dev.tokenservice.testkit.TestClients;
import dev.tokenservice.testkit.TestUsers;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the core tells its event listener, and that no event carries a token value or a secret. */
class TokenEventsTest {
    private final Client client = TestClients.confidential().build();
    private final InMemoryPorts ports = new InMemoryPorts().with(client).with(TestUsers.alice());
    private final TokenServices core = ports.coreBuilder().sealer(new AesGcmTokenSealer(randomKey())).build();
    private final TokenService service = core.tokenService();

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private TokenResponse login() {
        return service.issue(TokenRequests.password(client, TestUsers.ALICE, TestUsers.ALICE_PASSWORD));
    }

    @Test
    void issueWhenGrantedThenRecordsIssuedWithTheStoredSummary() {
        TokenResponse response = login();

        AccessToken stored = ports.tokens().findAccessToken(TokenDigest.of(response.accessToken())).orElseThrow();
        assertThat(ports.events().assertHeard(Issued.class, 1))
                .containsExactly(new Issued(stored.summary(), GrantType.PASSWORD, true));
    }

    @Test
    void issueWhenClientCredentialsGrantedThenRecordsIssuedWithoutRefreshToken() {
        service.issue(TokenRequests.clientCredentials(client));

        Issued issued = ports.events().assertHeard(Issued.class, 1).get(0);
        assertThat(issued.grantType()).isEqualTo(GrantType.CLIENT_CREDENTIALS);
        assertThat(issued.withRefreshToken()).isFalse();
    }

    @Test
    void issueWhenRefusedThenRecordsNoIssued() {
        catchThrowable(() -> service.issue(TokenRequests.password(client, TestUsers.ALICE, "wrong")));

        ports.events().assertNotHeard(Issued.class);
    }

    @Test
    void issueWhenRefreshedThenRecordsRefreshedWithTheNewAccessToken() {
        TokenResponse first = login();

        TokenResponse refreshed = service.issue(TokenRequests.refresh(client, first.refreshToken()));

        AccessToken stored = ports.tokens().findAccessToken(TokenDigest.of(refreshed.accessToken())).orElseThrow();
        RefreshToken retired = ports.tokens().findRefreshToken(TokenDigest.of(first.refreshToken())).orElseThrow();
        assertThat(ports.events().assertHeard(Refreshed.class, 1))
                .containsExactly(new Refreshed(stored.summary(), stored.familyId(), retired.id()));
    }

    @Test
    void revokeWhenRevokedThenRecordsRevoked() {
        TokenResponse issued = login();

        service.revoke(new RevocationRequest(TestClients.credentials(client), issued.accessToken()));

        ports.events().assertHeard(Revoked.class, 1);
    }

    @Test
    void revokeWhenTokenIsUnknownThenRecordsNothing() {
        service.revoke(new RevocationRequest(TestClients.credentials(client), TokenValue.of("no-such-token")));

        assertThat(ports.events().events()).isEmpty();
    }

    @Test
    void eventsWhenEveryKindWasRecordedThenNoneCarriesATokenValueOrSecret() {
        List<String> secrets = new ArrayList<>(List.of(TestClients.SECRET, TestUsers.ALICE_PASSWORD, "wrong-secret"));
        TokenResponse first = login();
        TokenResponse second = service.issue(TokenRequests.refresh(client, first.refreshToken()));
        TokenResponse machine = service.issue(TokenRequests.clientCredentials(client));
        catchThrowable(() -> service.issue(TokenRequests.refresh(client, first.refreshToken())));
        TokenResponse third = login();
        service.revoke(new RevocationRequest(TestClients.credentials(client), third.accessToken()));
        catchThrowable(() -> service.introspect(new IntrospectionRequest(
                ClientAuthentication.post(client.clientId(), ClientSecret.of("wrong-secret")), third.accessToken())));
        catchThrowable(() -> service.issue(TokenRequests.password(client, TestUsers.ALICE, "wrong-secret")));
        core.administration().revoke(TestAdministrators.any(), HolderSelector.user(TestUsers.ALICE));
        for (TokenResponse response : List.of(first, second, machine, third)) {
            secrets.add(response.accessToken().value());
            if (response.refreshToken() != null) {
                secrets.add(response.refreshToken().value());
            }
        }

        List<Object> events = ports.events().events();

        assertThat(events).hasAtLeastOneElementOfType(Issued.class).hasAtLeastOneElementOfType(Refreshed.class)
                .hasAtLeastOneElementOfType(Revoked.class).hasAtLeastOneElementOfType(ReuseDetected.class)
                .hasAtLeastOneElementOfType(AuthenticationFailed.class);
        for (String secret : secrets) {
            assertThat(events).noneMatch(event -> RecordStrings.mention(event, secret));
        }
    }
}
